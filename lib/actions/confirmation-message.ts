import { env, publicUrl } from "@/lib/env";
import type { TLanguage } from "@/lib/i18n/languages";
import { pick } from "@/lib/i18n/localize";
import { buildConfirmationEmail } from "@/lib/mail/confirmation-email";
import type { TOutboxMessage } from "@/lib/mail/outbox";
import type { TNewAction } from "./submit-action";

/** The confirmation email of a new email action, in the letters' language (or the page's), ready for the outbox. */
export function confirmationMessage(action: TNewAction, pageLanguage: TLanguage): TOutboxMessage {
  const language = action.input.language ?? pageLanguage;
  const recipients = new Map(action.campaign.audiences.flatMap((a) => a.recipients.map((r) => [r.id, r] as const)));
  const describe = (id: string) => {
    const r = recipients.get(id);
    return r ? [r.name, pick(r.role, language).value].filter(Boolean).join(", ") : id;
  };
  const base = publicUrl();
  const email = buildConfirmationEmail({
    language,
    supporterName: action.input.supporter.name,
    campaignSubject: action.campaign.subject,
    confirmUrl: `${base}/confirm/${action.token}`,
    emailLetters: action.letters.filter((l) => l.channel === "email").map((l) => describe(l.recipientId)),
    postLetterCount: action.letters.filter((l) => l.channel === "post").length,
    alreadyWritten: action.alreadyWritten.map(describe),
    thanksUrl: `${base}/c/${action.campaign.slug}/thanks?action=${action.id}`,
  });
  const settings = env();
  return {
    from: { name: settings.ORGANISATION_NAME, address: settings.MAIL_FROM },
    to: { name: action.input.supporter.name, address: action.input.supporter.email },
    subject: email.subject,
    text: email.text,
    html: email.html,
  };
}
