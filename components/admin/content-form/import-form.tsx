"use client";
import { useState } from "react";
import type { TProblem } from "../admin-fetch";

type TResult = { campaigns: number; recipients: number; templates: number; partners: number; unchanged: number };

/**
 * Upload content files to import: the .zip the export gives, or a folder in the templates/ layout. Every problem
 * the loader finds is listed with its file and field, and then nothing is imported.
 */
export function ImportForm({ canWrite }: { canWrite: boolean }) {
  const [problem, setProblem] = useState<TProblem>();
  const [result, setResult] = useState<TResult>();
  const [busy, setBusy] = useState(false);
  async function upload(body: FormData) {
    setBusy(true);
    setProblem(undefined);
    setResult(undefined);
    try {
      const response = await fetch("/api/admin/content/import", { method: "POST", body, headers: { accept: "application/json" } });
      const data: unknown = await response.json().catch(() => undefined);
      if (response.ok) setResult(data as TResult);
      else setProblem({ ...((data as TProblem | undefined) ?? { title: `The server answered ${response.status}.` }), status: response.status });
    } catch {
      setProblem({ status: 0, title: "The server could not be reached. Check the connection and try again." });
    } finally {
      setBusy(false);
    }
  }
  function onArchive(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem("archive") as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return setProblem({ status: 0, title: "Choose a .zip file first." });
    const body = new FormData();
    body.append("archive", file);
    void upload(body);
  }
  function onFolder(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = event.currentTarget.elements.namedItem("folder") as HTMLInputElement;
    const files = [...(input.files ?? [])];
    if (!files.length) return setProblem({ status: 0, title: "Choose a folder first." });
    const body = new FormData();
    for (const file of files) {
      body.append("file", file);
      // The path inside the picked folder: campaigns/<slug>/… and recipients/… are found by it.
      body.append("path", (file as File & { webkitRelativePath?: string }).webkitRelativePath || file.name);
    }
    void upload(body);
  }
  return (
    <div>
      <div className="admin-row">
        <form onSubmit={onArchive} className="side-panel" aria-label="Import a .zip archive" noValidate>
          <div className="field">
            <label htmlFor="import-archive">A .zip archive (as the export gives)</label>
            <input id="import-archive" name="archive" type="file" accept=".zip,application/zip" disabled={!canWrite} />
          </div>
          <button type="submit" className="button" disabled={!canWrite || busy}>
            Import the archive
          </button>
        </form>
        <form onSubmit={onFolder} className="side-panel" aria-label="Import a folder" noValidate>
          <div className="field">
            <label htmlFor="import-folder">Or a folder holding campaigns/ and recipients/</label>
            <input id="import-folder" name="folder" type="file" multiple disabled={!canWrite} {...{ webkitdirectory: "" }} />
          </div>
          <button type="submit" className="button" disabled={!canWrite || busy}>
            Import the folder
          </button>
        </form>
      </div>
      <div aria-live="polite">
        {busy ? <p>Checking and importing…</p> : null}
        {result ? (
          <p role="status" data-testid="import-result">
            Imported as new versions: {result.campaigns} campaign{result.campaigns === 1 ? "" : "s"}, {result.templates} letter template{result.templates === 1 ? "" : "s"},{" "}
            {result.recipients} recipient{result.recipients === 1 ? "" : "s"}, {result.partners} partner{result.partners === 1 ? "" : "s"}; {result.unchanged} unchanged.
          </p>
        ) : null}
      </div>
      {problem ? (
        <div className="problem-summary" role="alert" data-testid="import-problems">
          <p>
            <strong>{problem.title}</strong>
          </p>
          {problem.errors?.length ? (
            <ul>
              {problem.errors.map((e) => (
                <li key={`${e.path}:${e.message}`}>
                  <code>{e.path}</code>: {e.message}
                </li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
