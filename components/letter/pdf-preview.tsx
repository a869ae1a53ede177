"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import type { TLetterInput } from "@/lib/schemas/letter-input";

type TState = { kind: "idle" } | { kind: "loading" } | { kind: "ready"; url: string } | { kind: "invalid" } | { kind: "failed" };

/**
 * Asks the server for the print-ready PDF of the letters and shows it inline, with a download link. The input is
 * validated first (the same schema as the server); the server's field errors, if any, go back next to the fields.
 */
export function PdfPreview({
  getInput,
  onFieldErrors,
}: {
  getInput: () => Promise<TLetterInput | undefined>;
  onFieldErrors: (errors: { path: string; message: string }[]) => void;
}) {
  const t = useTranslations("letter");
  const [state, setState] = useState<TState>({ kind: "idle" });

  useEffect(() => {
    const url = state.kind === "ready" ? state.url : undefined;
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [state]);

  async function load() {
    const input = await getInput();
    if (!input) {
      setState({ kind: "invalid" });
      return;
    }
    setState({ kind: "loading" });
    try {
      const response = await fetch("/api/v1/letters/preview", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "application/pdf" },
        body: JSON.stringify(input),
      });
      if (response.status === 422) {
        const problem = (await response.json()) as { errors?: { path: string; message: string }[] };
        onFieldErrors(problem.errors ?? []);
        setState({ kind: "invalid" });
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      const blob = await response.blob();
      setState({ kind: "ready", url: URL.createObjectURL(blob) });
    } catch {
      setState({ kind: "failed" });
    }
  }

  return (
    <div className="pdf-preview">
      <div className="actions">
        <button type="button" className="button" onClick={load} aria-busy={state.kind === "loading"}>
          {t("pdfShow")}
        </button>
        {state.kind === "ready" ? (
          <a className="button button--secondary" href={state.url} download="letters.pdf">
            {t("pdfDownload")}
          </a>
        ) : null}
      </div>
      <p role="status" className="muted">
        {state.kind === "loading" ? t("pdfLoading") : null}
        {state.kind === "invalid" ? t("pdfFixFields") : null}
        {state.kind === "failed" ? t("pdfFailed") : null}
      </p>
      {state.kind === "ready" ? <iframe className="pdf-frame" title={t("pdfTitle")} src={state.url} /> : null}
    </div>
  );
}
