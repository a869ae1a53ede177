/**
 * The daily digest to one official (pure): the letters that waited above the daily cap go as ONE email from the
 * organisation, listing who wrote (name or initials, as each supporter chose) and from where, with all the letters
 * in one PDF in the same order. No Reply-To: many supporters share the email, and their addresses are not shared
 * with the official or with each other; replies reach the organisation.
 */
import "server-only";
import type Mail from "nodemailer/lib/mailer";
import { countryName } from "@/lib/schemas/countries";
import type { TActionRow, TLetterRow, TRecipientRow } from "./build-letter-message";
import { signatureOf } from "./build-letter-message";
import { bounceAddressFor } from "./bounce-address";
import { escapeHtml, headerValue, htmlDocument, mailAddress, mailDomain, safeFileName, type TMessageSettings } from "./message-parts";

export type TDigestEntry = { letter: TLetterRow; action: Pick<TActionRow, "supporterName" | "signAs"> & { city: string; country: string } };

export type TBuildDigestInput = {
  digestId: string;
  entries: readonly TDigestEntry[];
  recipient: TRecipientRow;
  settings: TMessageSettings;
  /** All the letters in one PDF, in the order of `entries`. */
  pdf: Buffer;
  /** The day the digest is sent, for the attachment's name (YYYY-MM-DD). */
  date: Date;
};

export function digestMessageId(digestId: string, mailFrom: string): string {
  return `<digest-${digestId}@${mailDomain(mailFrom)}>`;
}

/** "Asem Nurlanova, Almaty (Kazakhstan)": who wrote and from where, as shown in the digest. */
export function writerLine(entry: TDigestEntry): string {
  const place = [entry.action.city.trim(), countryName(entry.action.country, "en")].filter(Boolean);
  return `${signatureOf(entry.action)}, ${place[0] ?? ""}${place[1] ? ` (${place[1]})` : ""}`.replace(/\s+/g, " ").trim();
}

export function buildDigestMessage({ digestId, entries, recipient, settings, pdf, date }: TBuildDigestInput): Mail.Options {
  if (entries.length === 0) throw new Error("a digest needs at least one letter");
  const mailFrom = mailAddress("MAIL_FROM", settings.mailFrom);
  const organisation = headerValue("organisation name", settings.organisationName).trim();
  const to = mailAddress("recipient email", recipient.email);
  const recipientName = headerValue("recipient name", recipient.name ?? "").trim();
  const about = headerValue("subject", entries[0]!.letter.subject);
  const n = entries.length;
  const subject = n === 1 ? about : `${n} letters: ${about}`;
  const writers = entries.map(writerLine);

  const intro = [
    `${n === 1 ? "One person" : `${n} people`} wrote to you through ${organisation} about: ${about}`,
    `So as not to fill your mailbox, their letters come together in this one message. All ${n === 1 ? "of it is" : `${n} letters are`} ` +
      `in the attached PDF, one after another, in the order of this list:`,
  ];
  const outro = `Replies to this message reach ${organisation}.`;
  const text = [...intro, writers.map((w, i) => `${i + 1}. ${w}`).join("\n"), outro].join("\n\n");
  const html = [
    ...intro.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<ol>${writers.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ol>`,
    `<p>${escapeHtml(outro)}</p>`,
  ].join("\n");

  return {
    from: { name: organisation, address: mailFrom },
    to: recipientName ? { name: recipientName, address: to } : to,
    // The return path names the digest (VERP): a bounce marks all of its letters.
    envelope: { from: bounceAddressFor(digestId, settings), to },
    subject,
    messageId: digestMessageId(digestId, mailFrom),
    text,
    html: htmlDocument("en", subject, html),
    attachments: [
      {
        filename: `letters-${safeFileName(recipient.id)}-${date.toISOString().slice(0, 10)}.pdf`,
        contentType: "application/pdf",
        content: pdf,
      },
    ],
  };
}
