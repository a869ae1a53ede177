/**
 * The confirmation email of a supporter's action, composed by the worker when it sends it from the outbox (the
 * submission only queues what it needs: lib/mail/types.ts). Composed then, it also knows which officials this
 * address has written to in the meantime.
 */
import "server-only";
import { and, eq, gt, inArray, ne } from "drizzle-orm";
import { canonicalMailbox } from "./canonical-mailbox";
import type { TDb } from "@/lib/db/open";
import { actions, letters } from "@/lib/db/schema";
import { env, publicUrl } from "@/lib/env";
import { isLanguage } from "@/lib/i18n/languages";
import { getLetterContext } from "@/lib/letters/letter-context";
import { buildConfirmationEmail } from "@/lib/mail/confirmation-email";
import type { TComposeOutboxMessage, TConfirmationRequest, TMailMessage } from "@/lib/mail/outbox";
import { inCampaignOrder, recipientLabel, recipientsById } from "@/lib/campaigns/recipients";
import { composeMyDataLink } from "@/lib/privacy/my-data-message";
import { composeNews } from "@/lib/news/news-message";
import { NEWS_KIND } from "@/lib/news/queue-news";
import { WRITTEN_STATUSES } from "./confirm-action";
import { issueConfirmationToken } from "./issue-confirmation-token";

/** The outbox's composer: confirmations and data links are the messages it holds as their makings. */
export const composeOutboxMessage: TComposeOutboxMessage = (db, kind, message, now) => {
  if (kind === "my-data" && "privacyRequestId" in message) return composeMyDataLink(db, message, now);
  if (kind === NEWS_KIND && "news" in message) return composeNews(db, message, now);
  if (kind !== "confirmation" || !("actionId" in message) || "news" in message) throw new Error(`The outbox cannot compose a message of kind ${kind}`);
  return composeConfirmation(db, message, now);
};

/** The email asking the supporter to confirm; undefined when the action no longer waits for confirmation, or its link
 * has expired. */
export async function composeConfirmation(db: TDb, request: TConfirmationRequest, now: Date): Promise<TMailMessage | undefined> {
  const [action] = await db
    .select({ id: actions.id, slug: actions.campaignSlug, name: actions.supporterName, email: actions.supporterEmail, pageLanguage: actions.pageLanguage })
    .from(actions)
    // A link that no longer works is not worth mailing.
    .where(and(eq(actions.id, request.actionId), eq(actions.status, "awaiting-confirmation"), gt(actions.confirmExpiresAt, now)));
  // Only an action sent by email waits for confirmation, and it always has the address.
  if (!action?.email) return undefined;
  const token = request.token ?? (await issueConfirmationToken(db, action.id, now));
  if (!token) return undefined;
  // The campaign as submissions see it (kept a few seconds): one read for a burst of confirmations.
  const campaign = (await getLetterContext(db, action.slug))?.campaign;
  if (!campaign) return undefined;
  const recipients = recipientsById(campaign);
  const written = inCampaignOrder(
    campaign,
    await db.select({ recipientId: letters.recipientId, channel: letters.channel }).from(letters).where(eq(letters.actionId, action.id)),
    (l) => l.recipientId,
  );
  const emailRecipients = written.filter((l) => l.channel === "email").map((l) => l.recipientId);
  // The officials this address has already written to by email in this campaign: told to the address's owner only.
  const earlier = emailRecipients.length
    ? await db
        .selectDistinct({ recipientId: letters.recipientId })
        .from(letters)
        .innerJoin(actions, eq(actions.id, letters.actionId))
        .where(
          and(
            eq(letters.campaignSlug, action.slug),
            eq(actions.supporterMailbox, canonicalMailbox(action.email)),
            ne(letters.actionId, action.id),
            eq(letters.channel, "email"),
            inArray(letters.status, WRITTEN_STATUSES),
            inArray(letters.recipientId, emailRecipients),
          ),
        )
    : [];

  // The language of the page the supporter wrote from (the letters may be in another).
  const language = isLanguage(action.pageLanguage) ? action.pageLanguage : request.language;
  const describe = (id: string) => {
    const r = recipients.get(id);
    return r ? recipientLabel(r, language) : id;
  };
  const base = publicUrl();
  const message = buildConfirmationEmail({
    language,
    supporterName: action.name,
    campaignSubject: campaign.subject,
    // ?lang= makes the whole page speak it, even in a browser that prefers another language.
    confirmUrl: `${base}/confirm/${token}?lang=${language}`,
    emailLetters: emailRecipients.map(describe),
    postLetterCount: written.filter((l) => l.channel === "post").length,
    alreadyWritten: emailRecipients.filter((id) => earlier.some((e) => e.recipientId === id)).map(describe),
    thanksUrl: `${base}/c/${action.slug}/thanks?action=${action.id}&lang=${language}`,
  });
  const settings = env();
  return {
    from: { name: settings.ORGANISATION_NAME, address: settings.MAIL_FROM },
    to: { name: action.name, address: action.email },
    subject: message.subject,
    text: message.text,
    html: message.html,
  };
}
