"use client";
import { useState } from "react";

/** A secret shown once (an API key, a webhook secret): read-only, selectable, with a copy button. */
export function ShownOnce({ label, value, note }: { label: string; value: string; note: string }) {
  const [copied, setCopied] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="admin-notice shown-once" role="region" aria-label={label}>
      <p>
        <strong>{label}</strong> — {note}
      </p>
      <div className="admin-row">
        <input className="shown-once__value" readOnly value={value} aria-label={label} onFocus={(e) => e.currentTarget.select()} />
        <button type="button" className="button" onClick={copy}>
          Copy
        </button>
      </div>
      <p role="status" aria-live="polite">
        {copied ? "Copied." : ""}
      </p>
    </div>
  );
}
