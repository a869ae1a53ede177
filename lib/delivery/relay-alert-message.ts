/**
 * The email to owners and editors once the relay accepts mail again after a pause (pure): what the relay said,
 * and that an owner resumes sending in the admin. It is the worker's probe too: the first message the relay takes.
 */
import "server-only";
import { escapeHtml, htmlDocument } from "./message-parts";

export type TRelayAlertInput = { organisationName: string; pausedAt: Date; reply: string; adminUrl: string };

export function buildRelayAlertMessage({ organisationName, pausedAt, reply, adminUrl }: TRelayAlertInput): { subject: string; text: string; html: string } {
  const when = `${pausedAt.toISOString().slice(0, 16).replace("T", " ")} UTC`;
  const subject = `${organisationName}: sending is paused, and the mail relay accepts mail again`;
  const paragraphs = [
    `On ${when} the mail relay refused to send letters, for every official alike, so all sending was paused. No letter was failed and no address was flagged: the letters wait in the queue.`,
    `The relay answered:`,
  ];
  const after = [
    `The relay has now accepted this message, so it takes mail again. An owner can resume sending on the admin's front page:`,
    adminUrl,
  ];
  const text = [...paragraphs, `    ${reply}`, ...after].join("\n\n");
  const html = htmlDocument(
    "en",
    subject,
    [
      ...paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`),
      `<blockquote><code>${escapeHtml(reply)}</code></blockquote>`,
      `<p>${escapeHtml(after[0]!)}</p>`,
      `<p><a href="${escapeHtml(adminUrl)}">${escapeHtml(adminUrl)}</a></p>`,
    ].join("\n"),
  );
  return { subject, text, html };
}
