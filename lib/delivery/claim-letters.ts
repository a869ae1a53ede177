/**
 * Taking letters to send, safely for any number of workers sharing one Postgres. Each claim is ONE statement:
 * `UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED) RETURNING *`, so two workers never take the same letter
 * (the second skips rows the first has locked) and nobody waits on anybody. A claimed letter is 'sending' with
 * `locked_until` in the future; a worker that dies leaves it there, and it becomes claimable again when the lock
 * expires: that is what makes a SIGKILL lose nothing.
 *
 * The sub-select is written `id = any(array(SELECT …))`, not `id IN (SELECT …)`: with IN, Postgres may plan it as a
 * semi-join that re-runs the sub-select, and the LIMIT no longer bounds the claim (seen here: a claim of 689 letters
 * took 912). ARRAY(…) runs once. The outer WHERE repeats the conditions, so a row that changed meanwhile is not taken.
 */
import "server-only";
import { and, asc, eq, inArray, isNull, lt, lte, notInArray, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { campaigns, letterAttempts, letters, recipients } from "@/lib/db/schema";

export type TClaimedLetter = typeof letters.$inferSelect;

/** Letters of campaigns whose sending is not paused (a paused campaign keeps its queue untouched). */
export function inActiveCampaign(db: TDb): SQL {
  return inArray(letters.campaignSlug, db.select({ slug: campaigns.slug }).from(campaigns).where(eq(campaigns.sendingHeld, false)));
}

/** The officials whose address is flagged suspect (repeated hard bounces): tens of rows at most. */
function suspectRecipients(db: TDb) {
  return db.select({ id: recipients.id }).from(recipients).where(eq(recipients.emailSuspect, true));
}

/** What a held letter's attempts say, for the campaigner reading its page. */
export const HELD_REPLY = "Held, not sent: the official's address is marked suspect after hard bounces. Clear the flag or cancel the letter.";

/**
 * Letters to an official whose address is suspect are not sent: they wait as `held` (with a line in their attempts)
 * until a campaigner clears the flag (lib/recipients/clear-suspect.ts puts them back in the queue) or cancels them.
 * One guarded UPDATE, so two workers doing it at once hold each letter once. A letter stuck in 'sending' past its
 * lock is held too, rather than tried again.
 */
export async function holdSuspectLetters(db: TDb, now: Date): Promise<number> {
  const held = await db
    .update(letters)
    .set({ status: "held", lockedUntil: null, updatedAt: now })
    .where(
      and(
        eq(letters.channel, "email"),
        or(eq(letters.status, "queued"), and(eq(letters.status, "sending"), or(isNull(letters.lockedUntil), lt(letters.lockedUntil, now)))),
        inArray(letters.recipientId, suspectRecipients(db)),
      ),
    )
    .returning({ id: letters.id });
  if (held.length > 0) await db.insert(letterAttempts).values(held.map(({ id }) => ({ letterId: id, at: now, outcome: "held" as const, reply: HELD_REPLY })));
  return held.length;
}

/** Due letters: queued and due (a missing time counts as due), or stuck in 'sending' past their lock. */
function dueCondition(db: TDb, now: Date): SQL {
  return and(
    eq(letters.channel, "email"),
    or(
      and(eq(letters.status, "queued"), or(isNull(letters.nextAttemptAt), lte(letters.nextAttemptAt, now))),
      and(eq(letters.status, "sending"), or(isNull(letters.lockedUntil), lt(letters.lockedUntil, now))),
    ),
    inActiveCampaign(db),
    // Flagged between holdSuspectLetters and the claim: not taken now, held at the next pass.
    notInArray(letters.recipientId, suspectRecipients(db)),
  )!;
}

/** Claims up to `limit` due letters, oldest due first, after holding those to suspect addresses. */
export async function claimDueLetters(db: TDb, options: { now: Date; lockUntil: Date; limit: number }): Promise<TClaimedLetter[]> {
  await holdSuspectLetters(db, options.now);
  const due = dueCondition(db, options.now);
  const rows = await claimWhere(db, due, [asc(letters.nextAttemptAt), asc(letters.createdAt)], options);
  return rows.sort(byDueThenAge);
}

/**
 * Claims more of one official's queued letters for a digest, oldest written first, whatever their due time: the
 * digest is the day's one email to that official, so everything waiting may ride along.
 */
export async function claimDigestLetters(
  db: TDb,
  options: { recipientId: string; now: Date; lockUntil: Date; limit: number },
): Promise<TClaimedLetter[]> {
  if (options.limit < 1) return [];
  const waiting = and(
    eq(letters.recipientId, options.recipientId),
    eq(letters.channel, "email"),
    eq(letters.status, "queued"),
    inActiveCampaign(db),
    notInArray(letters.recipientId, suspectRecipients(db)),
  );
  const rows = await claimWhere(db, waiting, [asc(letters.createdAt), asc(letters.id)], options);
  return rows.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id));
}

/**
 * The claim itself, shared by both: lock up to `limit` matching letters that no other worker holds, and mark them
 * 'sending' until `lockUntil`, in one statement.
 */
async function claimWhere(
  db: TDb,
  condition: SQL | undefined,
  order: SQL[],
  options: { now: Date; lockUntil: Date; limit: number },
): Promise<TClaimedLetter[]> {
  const ids = db
    .select({ id: letters.id })
    .from(letters)
    .where(condition)
    .orderBy(...order)
    .limit(options.limit)
    .for("update", { skipLocked: true });
  return db
    .update(letters)
    .set({ status: "sending", lockedUntil: options.lockUntil, updatedAt: options.now })
    .where(and(oneOf(ids), condition))
    .returning();
}

/** `letters.id = any(array(<sub-select>))`: the sub-select runs exactly once (see above). */
function oneOf(ids: SQL | SQLWrapper): SQL {
  return sql`${letters.id} = any(array(${ids}))`;
}

function byDueThenAge(a: TClaimedLetter, b: TClaimedLetter): number {
  const due = (a.nextAttemptAt?.getTime() ?? 0) - (b.nextAttemptAt?.getTime() ?? 0);
  return due || a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id);
}
