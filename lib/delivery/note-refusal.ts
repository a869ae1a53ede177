/**
 * A plain 5xx may be the official's address or the relay refusing everything: one refusal cannot tell. The run of
 * identical refusals for different officials in a row, kept in the shared relay_state row, can: at
 * RELAY_RUN_RECIPIENTS different officials the refusals were the relay's, so sending pauses and the letters of the
 * run go back to the queue with their officials' counts undone. Any delivery ends the run.
 */
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { letterAttempts, letters, recipients, relayState, type TRelayRefusal } from "@/lib/db/schema";
import { pauseRelay } from "./pause-relay";
import { pauseOf, RELAY_STATE_ID } from "./read-relay-state";

/** The same refusal for this many different officials in a row is the relay's. */
export const RELAY_RUN_RECIPIENTS = 3;

export type TRefusalVerdict = { paused: boolean; restored: string[] };

/**
 * Records one permanent refusal (already recorded as a failure); pauses and undoes the run when it is the relay's.
 * A refusal that arrives while sending is paused (a send that was on the wire when another worker paused) is undone
 * at once: it cannot be told from the relay's.
 */
export async function noteRefusal(db: TDb, o: { reply: string; refusal: TRelayRefusal; now: Date }): Promise<TRefusalVerdict> {
  const entry = JSON.stringify([o.refusal]);
  const verdict = await db.transaction(async (tx) => {
    await tx.insert(relayState).values({ id: RELAY_STATE_ID, updatedAt: o.now }).onConflictDoNothing();
    const [current] = await tx.select().from(relayState).where(eq(relayState.id, RELAY_STATE_ID)).for("update");
    if (pauseOf(current)) return { undo: [o.refusal], pause: false };
    const [row] = await tx
      .update(relayState)
      .set({
        runReply: o.reply,
        runRefusals: sql`case when ${relayState.runReply} = ${o.reply} then ${relayState.runRefusals} || ${entry}::jsonb else ${entry}::jsonb end`,
        updatedAt: o.now,
      })
      .where(eq(relayState.id, RELAY_STATE_ID))
      .returning({ refusals: relayState.runRefusals });
    const refusals = row?.refusals ?? [];
    if (new Set(refusals.map((r) => r.recipientId)).size < RELAY_RUN_RECIPIENTS) return null;
    // Taken out of the row in the same transaction: only one worker undoes a run. The pause is set in it too, so a
    // refusal of another letter still on the wire waits for this row's lock and then finds sending paused (undone at
    // once, above), instead of finding an empty run and starting a new one that nobody undoes.
    await tx.update(relayState).set({ runReply: null, runRefusals: [] }).where(eq(relayState.id, RELAY_STATE_ID));
    await pauseRelay(tx, { reply: o.reply, now: o.now });
    return { undo: refusals, pause: true };
  });
  if (!verdict) return { paused: false, restored: [] };
  return { paused: true, restored: await undoRun(db, verdict.undo, o.reply, o.now) };
}

/** A delivery went through: the refusals before it were about their own addresses. */
export async function endRefusalRun(db: TDb, now: Date): Promise<void> {
  await db
    .update(relayState)
    .set({ runReply: null, runRefusals: [], updatedAt: now })
    .where(and(eq(relayState.id, RELAY_STATE_ID), sql`${relayState.runRefusals} <> '[]'::jsonb`));
}

async function undoRun(db: TDb, run: TRelayRefusal[], reply: string, now: Date): Promise<string[]> {
  const ids = run.flatMap((r) => r.letterIds);
  const restored = await db
    .update(letters)
    .set({ status: "queued", lastError: `sending paused: ${reply}`.slice(0, 500), nextAttemptAt: now, updatedAt: now })
    .where(and(inArray(letters.id, ids), eq(letters.status, "failed")))
    .returning({ id: letters.id });
  if (restored.length > 0) {
    await db.insert(letterAttempts).values(
      restored.map(({ id }) => ({ letterId: id, outcome: "retry" as const, reply: `the relay refuses every official (${reply}): back in the queue`.slice(0, 1000), at: now })),
    );
  }
  for (const refusal of run) {
    await db
      .update(recipients)
      .set({
        hardFailures: sql`greatest(${recipients.hardFailures} - 1, 0)`,
        ...(refusal.raisedFlag ? { emailSuspect: false } : {}),
        updatedAt: now,
      })
      .where(eq(recipients.id, refusal.recipientId));
  }
  return restored.map((r) => r.id);
}
