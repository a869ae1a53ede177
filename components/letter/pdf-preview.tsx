"use client";
import { useEffect, useState } from "react";
import { useTranslations } from "use-intl";
import type { TLetterInput } from "@/lib/schemas/letter-input";

/**
 * Whether the browser shows a PDF inside the page. Phone browsers mostly do not (Chrome on Android shows an empty
 * frame): they say so in navigator.pdfViewerEnabled, and get the download link with a word instead of the frame.
 */
function showsPdfInline(): boolean {
  return typeof navigator === "undefined" || navigator.pdfViewerEnabled !== false;
}

type TState = { kind: "idle" } | { kind: "loading" } | { kind: "ready"; url: string } | { kind: "invalid" } | { kind: "failed" } | { kind: "too-many" };

/**
 * Asks the server for the print-ready PDF of the letters and shows it inline, with a download link. The input is
 * validated first (the same schema as the server); the server's field errors, if any, go back next to the fields.
 */
export function PdfPreview({
  version,
  getInput,
  onFieldErrors,
}: {
  /** Changes whenever the letters change: a PDF made from an older version is put away. */
  version: string;
  getInput: () => Promise<TLetterInput | undefined>;
  onFieldErrors: (errors: { path: string; message: string }[]) => void;
}) {
  const t = useTranslations("letter");
  const tJourney = useTranslations("journey");
  const [state, setState] = useState<TState & { version?: string }>({ kind: "idle" });
  const current = state.version === undefined || state.version === version ? state : ({ kind: "idle" } as TState);

  useEffect(() => {
    const url = state.kind === "ready" ? state.url : undefined;
    return () => {
      if (url) URL.revokeObjectURL(url);
    };
  }, [state]);

  async function load() {
    const requested = version;
    const input = await getInput();
    if (!input) {
      setState({ kind: "invalid" });
      return;
    }
    setState({ kind: "loading", version: requested });
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
      if (response.status === 429) {
        setState({ kind: "too-many" });
        return;
      }
      if (!response.ok) throw new Error(String(response.status));
      const blob = await response.blob();
      setState({ kind: "ready", url: URL.createObjectURL(blob), version: requested });
    } catch {
      setState({ kind: "failed" });
    }
  }

  return (
    <div className="pdf-preview">
      <div className="actions">
        <button type="button" className="button" onClick={load} aria-busy={current.kind === "loading"}>
          {t("pdfShow")}
        </button>
        {current.kind === "ready" ? (
          <a className="button button--secondary" href={current.url} download="letters.pdf">
            {t("pdfDownload")}
          </a>
        ) : null}
      </div>
      <p role="status" className="muted">
        {current.kind === "loading" ? t("pdfLoading") : null}
        {current.kind === "invalid" ? t("pdfFixFields") : null}
        {current.kind === "failed" ? t("pdfFailed") : null}
        {current.kind === "too-many" ? t("pdfTooMany") : null}
      </p>
      {current.kind === "ready" && showsPdfInline() ? <iframe className="pdf-frame" title={t("pdfTitle")} src={current.url} /> : null}
      {current.kind === "ready" && !showsPdfInline() ? <p className="note">{tJourney("pdfNoInline")}</p> : null}
    </div>
  );
}
