/**
 * One letter as an email to one official (pure). The organisation sends it on the supporter's behalf: From is the
 * organisation's own address with the supporter's name shown ("Asem N. via Urgent Letters"), so SPF/DKIM/DMARC pass
 * and nobody's address is spoofed; the supporter is only the Reply-To. The Message-ID is derived from the letter id,
 * so a letter sent again after a crash carries the same id and receivers can drop the copy.
 */
import "server-only";
import type Mail from "nodemailer/lib/mailer";
import type { actions, letters, recipients } from "@/lib/db/schema";
import { initialsOf } from "@/lib/templates/render-letter";
import { bounceAddressFor } from "./bounce-address";
import {
  blocksHtml,
  headerValue,
  htmlDocument,
  LetterMessageError,
  mailAddress,
  mailDomain,
  safeFileName,
  type TMessageSettings,
} from "./message-parts";
import { withTestMode, type TTestMarks } from "./test-mode";

export { LetterMessageError, type TMessageSettings } from "./message-parts";

export type TLetterRow = Pick<typeof letters.$inferSelect, "id" | "subject" | "body" | "page" | "language" | "recipientId">;
export type TActionRow = Pick<typeof actions.$inferSelect, "supporterName" | "supporterEmail" | "signAs">;
export type TRecipientRow = Pick<typeof recipients.$inferSelect, "id" | "email" | "name">;

/** The name the letter is signed with: the supporter's name, or only their initials when they chose so. */
export function signatureOf(action: Pick<TActionRow, "supporterName" | "signAs">): string {
  return action.signAs === "initials" ? initialsOf(action.supporterName) : action.supporterName.trim();
}

export function letterMessageId(letterId: string, mailFrom: string): string {
  return `<letter-${letterId}@${mailDomain(mailFrom)}>`;
}

export type TBuildLetterInput = {
  letter: TLetterRow & TTestMarks;
  action: TActionRow;
  recipient: TRecipientRow;
  settings: TMessageSettings;
  /** The letter's PDF (renderLetterPdf of the frozen page). */
  pdf: Buffer;
};

export function buildLetterMessage({ letter, action, recipient, settings, pdf }: TBuildLetterInput): Mail.Options {
  const mailFrom = mailAddress("MAIL_FROM", settings.mailFrom);
  // Checked before trimming: a trailing line break is still an attempt to add a header.
  const organisation = headerValue("organisation name", settings.organisationName).trim();
  headerValue("supporter name", action.supporterName);
  const signature = signatureOf(action);
  // Letters sent by email always come from an action with the supporter's address (the schema requires it).
  if (!action.supporterEmail) throw new LetterMessageError("the supporter gave no email address");
  const replyTo = mailAddress("supporter email", action.supporterEmail);
  const to = mailAddress("recipient email", recipient.email);
  if (replyTo.toLowerCase() === mailFrom.toLowerCase()) {
    // Would make a supporter's address look like the organisation's; never expected, so refuse rather than guess.
    throw new LetterMessageError("supporter email is the organisation's sending address");
  }
  const subject = headerValue("subject", letter.subject);
  const recipientName = headerValue("recipient name", recipient.name ?? "").trim();
  const title = letter.page.subject || subject;

  // A test letter goes to its campaigner instead (lib/delivery/test-mode.ts).
  return withTestMode([letter], {
    // Address objects let nodemailer quote and encode the names, so a name like `Eve <e@x>` stays a name.
    from: { name: `${signature} via ${organisation}`, address: mailFrom },
    replyTo: { name: signature, address: replyTo },
    to: recipientName ? { name: recipientName, address: to } : to,
    // The envelope sender is ours too, so bounces come back to the organisation and not to the supporter; it names
    // the letter (VERP), so a bounce can be matched to it.
    envelope: { from: bounceAddressFor(letter.id, settings), to },
    subject,
    messageId: letterMessageId(letter.id, mailFrom),
    text: letter.body,
    html: htmlDocument(letter.language, title, blocksHtml(letter.page.blocks)),
    attachments: [{ filename: `letter-${safeFileName(recipient.id)}.pdf`, contentType: "application/pdf", content: pdf }],
  });
}
