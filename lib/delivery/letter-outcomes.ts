/**
 * Recording what happened to claimed letters. Every update is guarded by `status = 'sending'` and by the lock value
 * this pass wrote when it claimed them: if the lock expired and another worker took a letter over, our late answer
 * changes nothing (the update matches no row) instead of overwriting theirs. The counts returned say how many rows
 * were really ours.
 */
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { letterAttempts, letters, recipients } from "@/lib/db/schema";
import { emitLettersSent } from "@/lib/webhooks/emit-event";

/** Permanent failures in a row after which an address is flagged for campaigners to check. */
export const SUSPECT_AFTER_HARD_FAILURES = 3;

type TOwned = { ids: readonly string[]; lock: Date; now: Date };

function owned({ ids, lock }: TOwned) {
  return and(inArray(letters.id, [...ids]), eq(letters.status, "sending"), eq(letters.lockedUntil, lock));
}

type TAttempt = Pick<typeof letterAttempts.$inferInsert, "outcome" | "reply" | "messageId">;

/** The rows this pass really changed, each with a line in its letter's attempts. */
async function updated(db: TDb, rows: Promise<{ id: string }[]>, attempt: TAttempt & { at: Date }): Promise<number> {
  const changed = await rows;
  if (changed.length > 0) await db.insert(letterAttempts).values(changed.map(({ id }) => ({ letterId: id, ...attempt })));
  return changed.length;
}

export async function markSent(db: TDb, o: TOwned & { messageId: string; digestId?: string; reply?: string }): Promise<number> {
  if (o.ids.length === 0) return 0;
  let sent: string[] = [];
  const count = await updated(
    db,
    db
      .update(letters)
      .set({
        status: "sent",
        sentAt: o.now,
        messageId: o.messageId,
        digestId: o.digestId ?? null,
        attempts: sql`${letters.attempts} + 1`,
        lastError: null,
        lockedUntil: null,
        updatedAt: o.now,
      })
      .where(owned(o))
      .returning({ id: letters.id })
      .then((rows) => ((sent = rows.map((r) => r.id)), rows)),
    { outcome: "sent", reply: o.reply ?? null, messageId: o.messageId, at: o.now },
  );
  // letter.sent for the partners' letters among them (issue 12), written once the letters are recorded sent. A
  // failure here must not look like a failed send (the letters are sent): it is logged, and the events are lost.
  await emitLettersSent(db, sent, o.now).catch((error: unknown) => console.error(`[webhooks] letter.sent for ${sent.length} letters not written: ${error instanceof Error ? error.message : String(error)}`));
  return count;
}

/** A temporary failure: back to the queue for a later try, with the attempt counted. */
export function markRetry(db: TDb, o: TOwned & { error: string; at: Date }): Promise<number> {
  if (o.ids.length === 0) return Promise.resolve(0);
  return updated(
    db,
    db
      .update(letters)
      .set({
        status: "queued",
        attempts: sql`${letters.attempts} + 1`,
        lastError: o.error,
        nextAttemptAt: o.at,
        lockedUntil: null,
        updatedAt: o.now,
      })
      .where(owned(o))
      .returning({ id: letters.id }),
    { outcome: "retry", reply: o.error, at: o.now },
  );
}

/** A final failure. `attempted` is false when nothing was sent (the message could not even be built). */
export function markFailed(db: TDb, o: TOwned & { error: string; attempted: boolean }): Promise<number> {
  if (o.ids.length === 0) return Promise.resolve(0);
  return updated(
    db,
    db
      .update(letters)
      .set({
        status: "failed",
        attempts: o.attempted ? sql`${letters.attempts} + 1` : sql`${letters.attempts}`,
        lastError: o.error,
        lockedUntil: null,
        updatedAt: o.now,
      })
      .where(owned(o))
      .returning({ id: letters.id }),
    { outcome: o.attempted ? "failed" : "not-built", reply: o.error, at: o.now },
  );
}

async function counted(rows: Promise<{ id: string }[]>): Promise<number> {
  return (await rows).length;
}

/** Pacing said "later" (or the pass ran out of time): back to the queue, nothing counted against the letter. */
export function markDeferred(db: TDb, o: TOwned & { at?: Date }): Promise<number> {
  if (o.ids.length === 0) return Promise.resolve(0);
  return counted(
    db
      .update(letters)
      .set({ status: "queued", lockedUntil: null, updatedAt: o.now, ...(o.at ? { nextAttemptAt: o.at } : {}) })
      .where(owned(o))
      .returning({ id: letters.id }),
  );
}

/**
 * A permanent (5xx) refusal of the official's address, or a hard bounce; the flag goes up after a few in a row.
 * Answers whether this one raised the flag (it was down before), so a refusal found later to be the relay's can
 * take it down again (lib/delivery/note-refusal.ts).
 */
export async function recordHardFailure(db: TDb, recipientId: string, now: Date): Promise<boolean> {
  const result = (await db.execute(sql`
    update ${recipients} set
      hard_failures = ${recipients.hardFailures} + 1,
      email_suspect = ${recipients.emailSuspect} or ${recipients.hardFailures} + 1 >= ${SUSPECT_AFTER_HARD_FAILURES},
      updated_at = ${now}
    from (select id, email_suspect as was from ${recipients} where id = ${recipientId} for update) before
    where ${recipients.id} = before.id
    returning before.was, ${recipients.emailSuspect} as "now"`)) as unknown as { rows: { was: boolean; now: boolean }[] };
  const row = result.rows[0];
  return Boolean(row && !row.was && row.now);
}

/** A delivery ends a run of hard failures (the suspect flag stays until a campaigner clears it). */
export async function clearHardFailures(db: TDb, recipientId: string, now: Date): Promise<void> {
  await db
    .update(recipients)
    .set({ hardFailures: 0, updatedAt: now })
    .where(and(eq(recipients.id, recipientId), sql`${recipients.hardFailures} <> 0`));
}

/**
 * The relay refused the message for reasons of its own (lib/delivery/send-errors.ts): back to the queue as it was,
 * nothing counted against the letter, with the relay's reply kept as a "retry" line of its attempts.
 */
export function markPutBack(db: TDb, o: TOwned & { reply: string }): Promise<number> {
  if (o.ids.length === 0) return Promise.resolve(0);
  return updated(
    db,
    db
      .update(letters)
      .set({ status: "queued", lastError: `sending paused: ${o.reply}`.slice(0, 500), lockedUntil: null, updatedAt: o.now })
      .where(owned(o))
      .returning({ id: letters.id }),
    { outcome: "retry", reply: o.reply, at: o.now },
  );
}
