/**
 * The supporter follows the link in the confirmation email and presses the button there: the action is confirmed
 * and its email letters are queued for the sender. The link works once, and only within 48 hours.
 */
import "server-only";
import { and, eq, lt, sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { actions, letters } from "@/lib/db/schema";
import { emitActionConfirmed } from "@/lib/webhooks/emit-event";
import { canonicalMailbox } from "./canonical-mailbox";
import { hashToken } from "./tokens";

export type TConfirmResult =
  | { outcome: "confirmed" | "already-confirmed"; actionId: string; campaignSlug: string; pageLanguage: string | null }
  | { outcome: "expired" | "unknown" };

/** Marks a letter not sent because the same address had already written to that official in that campaign. */
export const ALREADY_WRITTEN = "already-written";

/** Letters by email that count as written to an official: confirmed and on their way, or sent. */
export const WRITTEN_STATUSES = ["queued", "sending", "sent"] as const;

/**
 * What a confirmation link stands for, without confirming anything: following the link only shows the letters and a
 * button, so that a mail provider's link scanner, which opens links but presses nothing, cannot send them.
 */
export async function findConfirmation(
  db: TDb,
  token: string,
  now: Date,
): Promise<
  TConfirmResult | { outcome: "awaiting"; actionId: string; campaignSlug: string; pageLanguage: string | null; supporterName: string; recipientIds: string[] }
> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { outcome: "unknown" };
  const [action] = await db
    .select({ id: actions.id, slug: actions.campaignSlug, status: actions.status, name: actions.supporterName, expiresAt: actions.confirmExpiresAt, pageLanguage: actions.pageLanguage })
    .from(actions)
    .where(eq(actions.confirmTokenHash, hashToken(token)));
  if (!action) return { outcome: "unknown" };
  if (action.status === "confirmed") return { outcome: "already-confirmed", actionId: action.id, campaignSlug: action.slug, pageLanguage: action.pageLanguage };
  if (action.status !== "awaiting-confirmation" || !action.expiresAt || action.expiresAt <= now) return { outcome: "expired" };
  const waiting = await db
    .select({ recipientId: letters.recipientId })
    .from(letters)
    .where(and(eq(letters.actionId, action.id), eq(letters.channel, "email"), eq(letters.status, "awaiting-confirmation")));
  return {
    outcome: "awaiting",
    actionId: action.id,
    campaignSlug: action.slug,
    pageLanguage: action.pageLanguage,
    supporterName: action.name,
    recipientIds: waiting.map((l) => l.recipientId),
  };
}

export async function confirmAction(db: TDb, token: string, now: Date): Promise<TConfirmResult> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return { outcome: "unknown" };
  return db.transaction(async (tx) => {
    const [action] = await tx
      .select({ id: actions.id, slug: actions.campaignSlug, status: actions.status, email: actions.supporterEmail, expiresAt: actions.confirmExpiresAt, pageLanguage: actions.pageLanguage })
      .from(actions)
      .where(eq(actions.confirmTokenHash, hashToken(token)))
      .for("update");
    if (!action) return { outcome: "unknown" as const };
    // The link works once; following it again shows where the letters are.
    if (action.status === "confirmed") return { outcome: "already-confirmed" as const, actionId: action.id, campaignSlug: action.slug, pageLanguage: action.pageLanguage };
    if (action.status !== "awaiting-confirmation" || !action.expiresAt || action.expiresAt <= now) return { outcome: "expired" as const };

    // One letter by email per official per campaign from one mailbox (its +tags and letter case are the same
    // person). Confirmations to the same mailbox are serialised, so two tabs confirming at once cannot both pass.
    const mailbox = canonicalMailbox(action.email ?? "");
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${mailbox}))`);
    await tx.update(actions).set({ status: "confirmed", confirmedAt: now, updatedAt: now }).where(eq(actions.id, action.id));
    await tx.execute(sql`
      update ${letters} l set status = 'cancelled', last_error = ${ALREADY_WRITTEN}, updated_at = ${now}
      where l.action_id = ${action.id} and l.channel = 'email' and l.status = 'awaiting-confirmation'
        and exists (
          select 1 from ${letters} o join ${actions} a on a.id = o.action_id
          where o.campaign_slug = l.campaign_slug and o.recipient_id = l.recipient_id and o.action_id <> l.action_id
            and o.channel = 'email' and o.status in (${sql.join(WRITTEN_STATUSES.map((status) => sql`${status}`), sql`, `)})
            and a.supporter_mailbox = ${mailbox})`);
    await tx
      .update(letters)
      .set({ status: "queued", nextAttemptAt: now, updatedAt: now })
      .where(and(eq(letters.actionId, action.id), eq(letters.channel, "email"), eq(letters.status, "awaiting-confirmation")));
    // A partner's action: its action.confirmed webhook is written with the confirmation (nothing for other actions).
    await emitActionConfirmed(tx, action.id, now);
    return { outcome: "confirmed" as const, actionId: action.id, campaignSlug: action.slug, pageLanguage: action.pageLanguage };
  });
}

/** The supporter downloads a letter to print and post: the print step, after which "I have posted it" counts. */
export async function markLetterPrinted(db: TDb, actionId: string, letterId: string, now: Date): Promise<void> {
  await db
    .update(letters)
    .set({ printedAt: sql`coalesce(${letters.printedAt}, ${now.toISOString()}::timestamptz)`, updatedAt: now })
    .where(and(eq(letters.id, letterId), eq(letters.actionId, actionId), eq(letters.channel, "post")));
}

/** Unconfirmed email actions past their link's expiry are deleted, with their letters. */
export async function deleteExpiredActions(db: TDb, now: Date): Promise<number> {
  const deleted = await db
    .delete(actions)
    .where(and(eq(actions.status, "awaiting-confirmation"), lt(actions.confirmExpiresAt, now)))
    .returning({ id: actions.id });
  return deleted.length;
}

/** The supporter says they posted a letter (or sent it from their own mail app): it counts. */
export async function markLetterDone(db: TDb, actionId: string, letterId: string, now: Date): Promise<boolean> {
  const updated = await db
    .update(letters)
    .set({ status: sql`case when ${letters.channel} = 'post' then 'posted' else 'sent' end`, sentAt: now, updatedAt: now })
    .where(
      and(
        eq(letters.id, letterId),
        eq(letters.actionId, actionId),
        sql`${letters.channel} in ('post', 'mailto')`,
        eq(letters.status, "awaiting-confirmation"),
      ),
    )
    .returning({ id: letters.id });
  return updated.length === 1;
}
