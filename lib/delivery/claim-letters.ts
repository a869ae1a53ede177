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
import { and, asc, eq, inArray, isNull, lt, lte, or, sql, type SQL, type SQLWrapper } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { campaigns, letters } from "@/lib/db/schema";

export type TClaimedLetter = typeof letters.$inferSelect;

/** Letters of campaigns whose sending is not paused (a paused campaign keeps its queue untouched). */
export function inActiveCampaign(db: TDb): SQL {
  return inArray(letters.campaignSlug, db.select({ slug: campaigns.slug }).from(campaigns).where(eq(campaigns.sendingHeld, false)));
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
  )!;
}

/** Claims up to `limit` due letters, oldest due first. */
export async function claimDueLetters(db: TDb, options: { now: Date; lockUntil: Date; limit: number }): Promise<TClaimedLetter[]> {
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
