/**
 * The daily digest to one official (pure): the letters that waited above the daily cap go as ONE email from the
 * organisation, listing who wrote (name or initials, as each supporter chose) and from where, with all the letters
 * in one PDF in the same order. The cover text is in the official's language, taken as the language most of the
 * letters are written in (each letter is in a language its official's audience has a template in; the first such
 * letter breaks a tie), English when that is not a site language. No Reply-To: many supporters share the email, and their addresses are not shared
 * with the official or with each other; replies reach the organisation.
 */
import "server-only";
import type Mail from "nodemailer/lib/mailer";
import { createTranslator } from "use-intl/core";
import { isLanguage, type TLanguage } from "@/lib/i18n/languages";
import { CATALOGS } from "@/lib/i18n/messages";
import { countryName } from "@/lib/schemas/countries";
import type { TActionRow, TLetterRow, TRecipientRow } from "./build-letter-message";
import { signatureOf } from "./build-letter-message";
import { bounceAddressFor } from "./bounce-address";
import { withTestMode } from "./test-mode";
import { escapeHtml, headerValue, htmlDocument, mailAddress, mailDomain, safeFileName, type TMessageSettings } from "./message-parts";

export type TDigestEntry = { letter: TLetterRow & { test?: boolean; testTo?: string | null }; action: Pick<TActionRow, "supporterName" | "signAs"> & { city: string; country: string } };

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

/** The digest's language: the one most of its letters are written in (see above). */
export function digestLanguage(entries: readonly Pick<TDigestEntry, "letter">[]): TLanguage {
  const counts = new Map<string, number>();
  for (const e of entries) counts.set(e.letter.language, (counts.get(e.letter.language) ?? 0) + 1);
  let best: string | undefined;
  for (const [language, n] of counts) if (best === undefined || n > counts.get(best)!) best = language;
  return isLanguage(best) ? best : "en";
}

/** "Asem Nurlanova, Almaty (Kazakhstan)": who wrote and from where, as shown in the digest (country in `language`). */
export function writerLine(entry: TDigestEntry, language: TLanguage = "en"): string {
  const place = [entry.action.city.trim(), countryName(entry.action.country, language)].filter(Boolean);
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
  const language = digestLanguage(entries);
  const t = createTranslator({ locale: language, messages: CATALOGS[language], namespace: "digest" });
  const subject = t("subject", { count: n, subject: about });
  const writers = entries.map((e) => writerLine(e, language));

  const intro = [t("intro", { count: n, organisation, subject: about }), t("together", { count: n })];
  const outro = t("outro", { organisation });
  const text = [...intro, writers.map((w, i) => `${i + 1}. ${w}`).join("\n"), outro].join("\n\n");
  const html = [
    ...intro.map((p) => `<p>${escapeHtml(p)}</p>`),
    `<ol>${writers.map((w) => `<li>${escapeHtml(w)}</li>`).join("")}</ol>`,
    `<p>${escapeHtml(outro)}</p>`,
  ].join("\n");

  return withTestMode(entries.map((e) => e.letter), {
    from: { name: organisation, address: mailFrom },
    to: recipientName ? { name: recipientName, address: to } : to,
    // The return path names the digest (VERP): a bounce marks all of its letters.
    envelope: { from: bounceAddressFor(digestId, settings), to },
    subject,
    messageId: digestMessageId(digestId, mailFrom),
    text,
    html: htmlDocument(language, subject, html),
    attachments: [
      {
        filename: `letters-${safeFileName(recipient.id)}-${date.toISOString().slice(0, 10)}.pdf`,
        contentType: "application/pdf",
        content: pdf,
      },
    ],
  });
}
