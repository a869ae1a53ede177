/**
 * Webhook events are written, not sent: one webhook_deliveries row per active endpoint of the partner that takes the
 * event, in the caller's transaction when it gives one (so an event exists exactly when the change it reports was
 * committed). The worker's webhook pass (lib/webhooks/send-due-webhooks.ts) signs and sends them, with retries.
 *
 * A payload carries a supporter's name and email only when a partner_consents row exists for that action and that
 * partner: the supporter ticked "<partner> may contact me" on the partner's form.
 *
 * Who calls what:
 * - action.confirmed: emitActionConfirmed, from lib/actions/confirm-action.ts (and for actions confirmed at once:
 *   print or the supporter's own mail app, POST /api/v1/actions);
 * - letter.sent: emitLettersSent, from lib/delivery/letter-outcomes.ts markSent;
 * - letter.bounced: emitLetterBounced, from where a bounce marks a letter bounced (issue 11);
 * - campaign.updated / campaign.closed: emitCampaignEvent, from where a case update is published or a campaign
 *   closed (issue 11); these go to every partner's endpoints that take them.
 */
import "server-only";
import { and, eq, inArray, isNotNull, sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { actions, campaigns, letters, partnerConsents, partners, webhookDeliveries, webhookEndpoints, type TWebhookEvent } from "@/lib/db/schema";
import { publicUrl } from "@/lib/env";
import type { TWebhookData } from "@/lib/schemas/partner-api";

/** Writes `type` with `data` for the endpoints that take it: the partner's, or every partner's (`partnerCode: "*"`). */
export async function emitEvent<E extends TWebhookEvent>(db: TDb, partnerCode: string, type: E, data: TWebhookData[E], now: Date): Promise<number> {
  const endpoints = await db
    .select({ id: webhookEndpoints.id })
    .from(webhookEndpoints)
    .innerJoin(partners, eq(partners.code, webhookEndpoints.partnerCode))
    .where(
      and(
        eq(webhookEndpoints.active, true),
        eq(partners.active, true),
        partnerCode === "*" ? undefined : eq(webhookEndpoints.partnerCode, partnerCode),
        sql`${webhookEndpoints.events} @> ${JSON.stringify([type])}::jsonb`,
      ),
    );
  if (endpoints.length === 0) return 0;
  const payload = { type, timestamp: now.toISOString(), data } as Record<string, unknown>;
  await db.insert(webhookDeliveries).values(endpoints.map((e) => ({ endpointId: e.id, eventType: type, payload, nextAttemptAt: now, createdAt: now })));
  return endpoints.length;
}

/** The supporter's name and email for the partner, if they consented to it; undefined otherwise. */
async function consentedSupporter(db: TDb, actionId: string, partnerCode: string): Promise<{ name: string; email: string | null } | undefined> {
  const [row] = await db
    .select({ name: actions.supporterName, email: actions.supporterEmail, anonymisedAt: actions.anonymisedAt })
    .from(actions)
    .innerJoin(partnerConsents, and(eq(partnerConsents.actionId, actions.id), eq(partnerConsents.partnerCode, partnerCode)))
    .where(eq(actions.id, actionId));
  return row && !row.anonymisedAt ? { name: row.name, email: row.email } : undefined;
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** action.confirmed for a partner's action (nothing for an action of no partner). */
export async function emitActionConfirmed(db: TDb, actionId: string, now: Date): Promise<number> {
  const [action] = await db.select().from(actions).where(and(eq(actions.id, actionId), isNotNull(actions.partner)));
  if (!action?.partner) return 0;
  const rows = await db.select({ id: letters.id, recipientId: letters.recipientId, channel: letters.channel, status: letters.status }).from(letters).where(eq(letters.actionId, actionId));
  const supporter = await consentedSupporter(db, actionId, action.partner);
  return emitEvent(
    db,
    action.partner,
    "action.confirmed",
    {
      action: {
        id: action.id,
        campaign: action.campaignSlug,
        status: action.status,
        delivery: action.delivery,
        createdAt: action.createdAt.toISOString(),
        confirmedAt: iso(action.confirmedAt),
        letters: rows,
        ...(supporter ? { supporter } : {}),
      },
    },
    now,
  );
}

type TLetterRow = { id: string; actionId: string; campaign: string; recipientId: string; channel: "email" | "mailto" | "post"; status: string; sentAt: Date | null; partner: string | null };

async function partnerLetters(db: TDb, letterIds: readonly string[]): Promise<TLetterRow[]> {
  if (letterIds.length === 0) return [];
  return db
    .select({ id: letters.id, actionId: letters.actionId, campaign: letters.campaignSlug, recipientId: letters.recipientId, channel: letters.channel, status: letters.status, sentAt: letters.sentAt, partner: actions.partner })
    .from(letters)
    .innerJoin(actions, eq(actions.id, letters.actionId))
    .where(and(inArray(letters.id, [...letterIds]), isNotNull(actions.partner)));
}

const letterOf = (l: TLetterRow) => ({ id: l.id, actionId: l.actionId, campaign: l.campaign, recipientId: l.recipientId, channel: l.channel, status: l.status, sentAt: iso(l.sentAt) });

/** letter.sent for each of these letters whose action is a partner's. */
export async function emitLettersSent(db: TDb, letterIds: readonly string[], now: Date): Promise<number> {
  let written = 0;
  for (const letter of await partnerLetters(db, letterIds)) {
    const supporter = await consentedSupporter(db, letter.actionId, letter.partner!);
    written += await emitEvent(db, letter.partner!, "letter.sent", { letter: letterOf(letter), ...(supporter ? { supporter } : {}) }, now);
  }
  return written;
}

/** letter.bounced for a letter whose action is a partner's (issue 11's bounce handling calls it). */
export async function emitLetterBounced(db: TDb, letterId: string, reason: string, now: Date): Promise<number> {
  const [letter] = await partnerLetters(db, [letterId]);
  if (!letter) return 0;
  const supporter = await consentedSupporter(db, letter.actionId, letter.partner!);
  return emitEvent(db, letter.partner!, "letter.bounced", { letter: letterOf(letter), reason, ...(supporter ? { supporter } : {}) }, now);
}

/**
 * campaign.updated (with the update, when one was published) or campaign.closed, to every partner's endpoints that
 * take it (issue 11's case lifecycle calls it, after the campaign's row is changed, in the same transaction).
 */
export async function emitCampaignEvent(
  db: TDb,
  type: "campaign.updated" | "campaign.closed",
  slug: string,
  now: Date,
  update?: { date: string; text: string; source: string },
): Promise<number> {
  const [campaign] = await db.select({ slug: campaigns.slug, status: campaigns.status, content: campaigns.content, updatedAt: campaigns.updatedAt }).from(campaigns).where(eq(campaigns.slug, slug));
  if (!campaign) return 0;
  const view = { slug: campaign.slug, status: campaign.status, title: campaign.content.en.title, url: `${publicUrl()}/c/${campaign.slug}`, updatedAt: campaign.updatedAt.toISOString() };
  if (type === "campaign.closed") return emitEvent(db, "*", "campaign.closed", { campaign: view }, now);
  return emitEvent(db, "*", "campaign.updated", { campaign: view, ...(update ? { update } : {}) }, now);
}
