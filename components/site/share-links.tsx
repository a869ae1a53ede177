"use client";
import { useState } from "react";

export type TShareLabels = { email: string; whatsapp: string; telegram: string; x: string; facebook: string; copy: string; copied: string; message: string };

/**
 * Share links as plain links to each service's own share address (no third-party script, nothing loads until the
 * supporter follows one), and a copy of a ready message for Signal or any other chat, which has no share address.
 */
export function ShareLinks({ url, title, labels }: { url: string; title: string; labels: TShareLabels }) {
  const [copied, setCopied] = useState(false);
  const text = labels.message.replace("{title}", title).replace("{url}", url);
  const u = encodeURIComponent(url);
  const links = [
    { label: labels.email, href: `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(text)}` },
    { label: labels.whatsapp, href: `https://wa.me/?text=${encodeURIComponent(text)}` },
    { label: labels.telegram, href: `https://t.me/share/url?url=${u}&text=${encodeURIComponent(title)}` },
    { label: labels.x, href: `https://x.com/intent/post?text=${encodeURIComponent(title)}&url=${u}` },
    { label: labels.facebook, href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
  ];
  return (
    <div className="share">
      <ul className="share-links">
        {links.map((link) => (
          <li key={link.label}>
            <a className="button button--secondary" href={link.href} rel="noopener noreferrer" target={link.href.startsWith("mailto:") ? undefined : "_blank"}>
              {link.label}
            </a>
          </li>
        ))}
      </ul>
      <label className="share-message">
        <span>{labels.copy}</span>
        <textarea readOnly rows={3} value={text} data-testid="share-message" />
      </label>
      <p className="actions">
        <button
          type="button"
          className="button button--secondary"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(text);
              setCopied(true);
            } catch {
              // The message is in the box above, to select by hand.
            }
          }}
        >
          {labels.copy}
        </button>
        <span role="status">{copied ? labels.copied : ""}</span>
      </p>
    </div>
  );
}
