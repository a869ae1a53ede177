"use client";
import { useState } from "react";

/** Plain share links: an email and a copy of the address. No third-party script or request. */
export function ShareLinks({ url, title, labels }: { url: string; title: string; labels: { email: string; copy: string } }) {
  const [copied, setCopied] = useState(false);
  return (
    <p className="actions">
      <a className="button button--secondary" href={`mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(url)}`}>
        {labels.email}
      </a>
      <button
        type="button"
        className="button button--secondary"
        onClick={async () => {
          await navigator.clipboard.writeText(url);
          setCopied(true);
        }}
      >
        {labels.copy}
        {copied ? " ✓" : ""}
      </button>
    </p>
  );
}
