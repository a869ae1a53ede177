/**
 * An owner resumes sending after the relay was fixed: the queue and the outbox go out again on the next pass.
 * Audited with the reply that had paused it, in the same transaction.
 */
import "server-only";
import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { relayState } from "@/lib/db/schema";
import { RELAY_STATE_ID } from "./read-relay-state";

/** Answers false when sending was not paused (nothing to resume). `by` is the campaigner (their email, for the audit). */
export async function resumeRelay(db: TDb, o: { by: string; now: Date }): Promise<boolean> {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(relayState)
      .set({ resumedAt: o.now, resumedBy: o.by, runReply: null, runRefusals: [], updatedAt: o.now })
      .where(
        and(
          eq(relayState.id, RELAY_STATE_ID),
          isNotNull(relayState.pausedAt),
          or(isNull(relayState.resumedAt), lt(relayState.resumedAt, relayState.pausedAt)),
        ),
      )
      .returning({ reply: relayState.reply, pausedAt: relayState.pausedAt, alertSentAt: relayState.alertSentAt });
    const resumed = rows[0];
    if (!resumed) return false;
    await recordAudit(tx, {
      actor: o.by,
      action: "resume-sending",
      entity: "relay",
      key: RELAY_STATE_ID,
      detail: { reply: resumed.reply, pausedAt: resumed.pausedAt?.toISOString() ?? null, acceptedAgainAt: resumed.alertSentAt?.toISOString() ?? null },
    });
    return true;
  });
}
