"use client";
import { useState } from "react";
import { adminFetch } from "./admin-fetch";

/** Saves this version's content again as the newest version (a template's comes back as a draft to publish). */
export function RestoreButton({ versionId, version, disabled, draft, history }: { versionId: string; version: number; disabled: boolean; draft: boolean; history: string }) {
  const [message, setMessage] = useState<string>();
  async function restore() {
    const result = await adminFetch<{ version: number }>(`/api/admin/versions/${versionId}/restore`, { body: {} });
    if (result.ok) {
      setMessage(
        draft
          ? `Version ${version} is back as draft version ${result.data.version}: open the template to look at it and publish it.`
          : `Version ${version} is restored as version ${result.data.version}, and in use.`,
      );
    } else {
      setMessage(result.problem.errors?.length ? `${result.problem.title} ${result.problem.errors.map((e) => `${e.path}: ${e.message}`).join("; ")}` : result.problem.title);
    }
  }
  return (
    <div className="admin-row">
      <button type="button" className="button" onClick={restore} disabled={disabled} aria-describedby={disabled ? "restore-role" : undefined}>
        Restore version {version}
      </button>
      {disabled ? <span id="restore-role">Editors and owners can restore.</span> : null}
      <p role="status" aria-live="polite">
        {message} {message ? <a href={history}>See the history</a> : null}
      </p>
    </div>
  );
}
