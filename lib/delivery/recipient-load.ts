/**
 * What one official has received and has waiting, across all campaigns: the input to pacing. An email is a letter
 * sent on its own or a whole digest (its letters share `digest_id`), so a digest of 700 letters counts once.
 *
 * Letters other workers hold in 'sending' (lock not expired) are counted as if sent now. That is conservative, and it
 * is what keeps two workers from both filling the last slots of the hour: each counts after its own claim has
 * committed, so of any two, the later one sees the other's letters.
 *
 * Note: these queries filter letters by recipient_id and sent_at; on a large table they want an index on
 * letters (recipient_id, sent_at), which the schema does not have yet.
 */
import "server-only";
import { and, eq, gt, inArray, notInArray, sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { letters } from "@/lib/db/schema";
import { inActiveCampaign } from "./claim-letters";
import type { TSentEmail } from "./pacing";

const DAY = 24 * 3_600_000;

export type TRecipientLoad = {
  /** Emails sent in the last 24 hours, plus other workers' letters in flight (at `now`). */
  sent: TSentEmail[];
  /** Queued letters of active campaigns, not counting the caller's own claimed ones. */
  waiting: number;
  /**
   * Of those, the ones ahead in line: written before the caller's oldest letter and already planned for later
   * (deferred, waiting for the digest, or backing off). They keep their slots; the caller's letters come after them.
   */
  ahead: number;
};

export async function loadRecipientLoad(
  db: TDb,
  options: { recipientId: string; now: Date; ours: readonly string[]; oldest: Date },
): Promise<TRecipientLoad> {
  const { recipientId, now } = options;
  const emails = await db
    .select({
      at: sql<Date>`min(${letters.sentAt})`.mapWith(letters.sentAt),
      digest: sql<boolean>`bool_or(${letters.digestId} is not null)`.mapWith(Boolean),
    })
    .from(letters)
    .where(and(eq(letters.recipientId, recipientId), eq(letters.status, "sent"), gt(letters.sentAt, new Date(now.getTime() - DAY))))
    .groupBy(sql`coalesce(${letters.digestId}, ${letters.id})`);

  const nowText = now.toISOString();
  const [counts] = await db
    .select({
      waiting: sql<number>`count(*) filter (where ${letters.status} = 'queued' and ${inActiveCampaign(db)})`.mapWith(Number),
      ahead: sql<number>`count(*) filter (where ${letters.status} = 'queued' and ${inActiveCampaign(db)}
        and ${letters.nextAttemptAt} > ${nowText}::timestamptz and ${letters.createdAt} < ${options.oldest.toISOString()}::timestamptz)`.mapWith(Number),
      inFlight: sql<number>`count(*) filter (where ${letters.status} = 'sending' and ${letters.lockedUntil} > ${nowText}::timestamptz
        and ${options.ours.length ? notInArray(letters.id, [...options.ours]) : sql`true`})`.mapWith(Number),
    })
    .from(letters)
    .where(and(eq(letters.recipientId, recipientId), eq(letters.channel, "email"), inArray(letters.status, ["queued", "sending"])));

  const sent: TSentEmail[] = emails.map((e) => ({ at: toDate(e.at), digest: e.digest }));
  for (let i = 0; i < (counts?.inFlight ?? 0); i++) sent.push({ at: now, digest: false });
  return { sent, waiting: counts?.waiting ?? 0, ahead: counts?.ahead ?? 0 };
}

/** Drivers differ in how an aggregate's timestamp comes back; accept a Date or its text. */
function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}
