import "server-only";
import { publicUrl } from "@/lib/env";
import type { TLanguage } from "@/lib/i18n/languages";
import { pick } from "@/lib/i18n/localize";
import { buildConfirmationEmail } from "@/lib/mail/confirmation-email";
import { getMailTransport, organisationFrom } from "@/lib/mail/mailer";
import type { TSubmitResult } from "./submit-action";

/** Emails the confirmation link of a new email action to the supporter, in the letters' or the page's language. */
export async function sendConfirmation(result: TSubmitResult, supporter: { name: string; email: string }, language: TLanguage): Promise<void> {
  if (!result.confirmToken) return;
  const recipients = new Map(result.campaign.audiences.flatMap((a) => a.recipients.map((r) => [r.id, r] as const)));
  const describe = (id: string) => {
    const r = recipients.get(id);
    return r ? [r.name, pick(r.role, language).value].filter(Boolean).join(", ") : id;
  };
  const base = publicUrl();
  const written = result.letters ?? [];
  const email = buildConfirmationEmail({
    language,
    supporterName: supporter.name,
    campaignSubject: result.campaign.subject,
    confirmUrl: `${base}/confirm/${result.confirmToken}`,
    emailLetters: written.filter((l) => l.channel === "email").map((l) => describe(l.recipientId)),
    postLetterCount: written.filter((l) => l.channel === "post").length,
    alreadyWritten: result.alreadyWritten.map(describe),
    thanksUrl: `${base}/c/${result.campaign.slug}/thanks?action=${result.id}`,
  });
  const transport = await getMailTransport();
  await transport.send(
    { from: organisationFrom(), to: { name: supporter.name, address: supporter.email }, subject: email.subject, text: email.text, html: email.html },
    "confirmation",
  );
}
