/**
 * Shared pieces of the letter and digest emails: header checks, addresses, and the HTML made from letter blocks.
 * Everything a supporter typed is text: it is escaped into HTML and never trusted as a header.
 */
import "server-only";
import type { TInline, TLetterBlock } from "@/lib/letters/types";
import { isSafeLine } from "@/lib/schemas/text-rules";

/** A message that must not be sent as it is (a header that could inject another, a malformed address). */
export class LetterMessageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "LetterMessageError";
  }
}

export type TMessageSettings = {
  mailFrom: string;
  organisationName: string;
  /** BOUNCE_ADDRESS: the base of the letters' return paths (lib/delivery/bounce-address.ts). */
  bounceAddress?: string;
};

/**
 * A header value with a line break could add headers of its own (header injection): refuse it outright, and
 * anything else the input rule refuses (lib/schemas/text-rules.ts), so headers and letters obey one rule.
 */
export function headerValue(label: string, value: string): string {
  if (/[\r\n\0]/.test(value)) throw new LetterMessageError(`${label} contains a line break`);
  if (!isSafeLine(value)) throw new LetterMessageError(`${label} contains characters that are not allowed`);
  return value;
}

/** One plain address: no display name, list separators, spaces or brackets that would change who receives it. */
const ADDRESS = /^[^\s@<>()[\]\\,;:"]+@[^\s@<>()[\]\\,;:"]+\.[^\s@<>()[\]\\,;:"]+$|^[^\s@<>()[\]\\,;:"]+@localhost$/;

export function mailAddress(label: string, value: string | null | undefined): string {
  const address = headerValue(label, (value ?? "").trim());
  if (!ADDRESS.test(address)) throw new LetterMessageError(`${label} is not a single email address`);
  return address;
}

/** The domain of MAIL_FROM, used for Message-IDs so they are unique to this organisation. */
export function mailDomain(mailFrom: string): string {
  return mailAddress("MAIL_FROM", mailFrom).split("@")[1]!;
}

/** A name for a file inside the message: only characters that are safe in every mail client. */
export function safeFileName(value: string): string {
  return value.replace(/[^A-Za-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80) || "letter";
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

/** Escaped text with the line breaks kept (a supporter's note keeps its lines). */
function textHtml(text: string): string {
  return escapeHtml(text).replace(/\n/g, "<br>\n");
}

function inlinesHtml(inlines: readonly TInline[]): string {
  return inlines
    .map((inline) => {
      let html = textHtml(inline.text);
      if (inline.italic) html = `<em>${html}</em>`;
      if (inline.bold) html = `<strong>${html}</strong>`;
      return html;
    })
    .join("");
}

export function blocksHtml(blocks: readonly TLetterBlock[]): string {
  return blocks
    .map((block) => {
      switch (block.type) {
        case "paragraph":
          return `<p>${inlinesHtml(block.inlines)}</p>`;
        case "quote":
          return `<blockquote>${inlinesHtml(block.inlines)}</blockquote>`;
        case "list": {
          const tag = block.ordered ? "ol" : "ul";
          return `<${tag}>${block.items.map((item) => `<li>${inlinesHtml(item)}</li>`).join("")}</${tag}>`;
        }
      }
    })
    .join("\n");
}

/** A whole HTML document around a body: plain, readable in any client, no remote resources. */
export function htmlDocument(language: string, title: string, body: string): string {
  return [
    "<!doctype html>",
    `<html lang="${escapeHtml(language)}">`,
    `<head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>`,
    `<body style="font-family: Georgia, 'Times New Roman', serif; font-size: 16px; line-height: 1.5; max-width: 40em">`,
    body,
    "</body>",
    "</html>",
  ].join("\n");
}
