"use client";
import Markdown from "react-markdown";

/** Markdown as the public campaign page renders it (app/(site)/c/[slug]/page.tsx): raw HTML dropped, headings shifted down. */
export function MarkdownPreview({ text, lang }: { text: string; lang: string }) {
  return (
    <div className="content-preview prose" lang={lang} aria-label="Preview">
      {text.trim() ? (
        <Markdown skipHtml components={{ h1: "h3", h2: "h3", h3: "h4" }}>
          {text}
        </Markdown>
      ) : (
        <p className="admin-empty">Nothing to preview yet.</p>
      )}
    </div>
  );
}
