import "server-only";
import { and, eq } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { actions, letters, recipients } from "@/lib/db/schema";
import { publicUrl } from "@/lib/env";
import { isLanguage, type TLanguage } from "@/lib/i18n/languages";
import { pick } from "@/lib/i18n/localize";
import { buildConfirmationEmail } from "@/lib/mail/confirmation-email";
import { getMailTransport, organisationFrom } from "@/lib/mail/mailer";
import type { TSubmitResult } from "./submit-action";

/** Emails the confirmation link of a new email action to the supporter, in the page's language. */
export async function sendConfirmation(db: TDb, result: TSubmitResult, pageLanguage: TLanguage): Promise<void> {
  const [action] = await db.select().from(actions).where(eq(actions.id, result.id));
  if (!action || !result.confirmToken) return;
  const rows = await db
    .select({ channel: letters.channel, name: recipients.name, role: recipients.role })
    .from(letters)
    .innerJoin(recipients, eq(recipients.id, letters.recipientId))
    .where(and(eq(letters.actionId, action.id)));
  const language = isLanguage(action.language) ? action.language : pageLanguage;
  const describe = (r: { name: string | null; role: { en: string } & Partial<Record<TLanguage, string>> }) =>
    [r.name, pick(r.role, language).value].filter(Boolean).join(", ");
  const names = new Map(result.campaign.audiences.flatMap((a) => a.recipients.map((r) => [r.id, describe(r)] as const)));
  const base = publicUrl();
  const email = buildConfirmationEmail({
    language,
    supporterName: action.supporterName,
    campaignSubject: result.campaign.subject,
    confirmUrl: `${base}/confirm/${result.confirmToken}`,
    emailLetters: rows.filter((r) => r.channel === "email").map(describe),
    postLetterCount: rows.filter((r) => r.channel === "post").length,
    alreadyWritten: result.alreadyWritten.map((id) => names.get(id) ?? id),
    thanksUrl: `${base}/c/${action.campaignSlug}/thanks?action=${action.id}`,
  });
  const transport = await getMailTransport();
  await transport.send(
    { from: organisationFrom(), to: { name: action.supporterName, address: action.supporterEmail }, subject: email.subject, text: email.text, html: email.html },
    "confirmation",
  );
}
