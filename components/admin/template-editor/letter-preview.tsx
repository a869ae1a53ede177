"use client";
import type { TPdfPreview } from "./use-pdf-preview";

/** The letter as text (rendered in the browser on every change) and as the real PDF (laid out by the server). */
export function LetterPreview({
  text,
  subject,
  stale,
  pdf,
  pdfAllowed,
}: {
  text: string;
  subject: string;
  stale: boolean;
  pdf: TPdfPreview;
  pdfAllowed: boolean;
}) {
  return (
    <>
      <section className="template-preview" aria-labelledby="preview-text-heading">
        <h3 id="preview-text-heading">Letter as text</h3>
        {stale ? <p className="admin-badge admin-badge--warn">The template has errors: placeholders it does not know come out empty here.</p> : null}
        <p className="template-preview__subject">
          <strong>Subject:</strong> <span data-testid="preview-subject">{subject}</span>
        </p>
        <div className="template-preview__text" data-testid="preview-text" tabIndex={0} role="document" aria-label="Letter text">
          {text}
        </div>
      </section>
      <section className="template-preview" aria-labelledby="preview-pdf-heading">
        <h3 id="preview-pdf-heading">PDF</h3>
        {!pdfAllowed ? (
          <p className="admin-empty">The PDF preview is laid out by the server for editors; the text above is the same letter.</p>
        ) : (
          <>
            <p role="status" className="template-preview__state" data-testid="pdf-state" data-renders={pdf.renders}>
              {pdf.state === "updating" ? "Updating the PDF…" : pdf.state === "failed" ? `The PDF could not be made: ${pdf.problem?.title ?? "unknown error"}` : pdf.url ? "PDF up to date." : ""}
            </p>
            {pdf.url ? (
              <>
                <iframe className="template-preview__pdf" src={pdf.url} title="PDF preview of the letter" />
                <p>
                  <a href={pdf.url} download="letter-preview.pdf">
                    Download the PDF preview
                  </a>
                </p>
              </>
            ) : null}
          </>
        )}
      </section>
    </>
  );
}
