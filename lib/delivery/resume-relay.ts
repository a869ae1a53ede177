/** An owner resumes sending after the relay was fixed: the queue and the outbox go out again on the next pass. */
import "server-only";
import { and, eq, isNotNull, isNull, lt, or } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { relayState } from "@/lib/db/schema";
import { RELAY_STATE_ID } from "./read-relay-state";

/** Answers false when sending was not paused (nothing to resume). */
export async function resumeRelay(db: TDb, o: { by: string; now: Date }): Promise<boolean> {
  const rows = await db
    .update(relayState)
    .set({ resumedAt: o.now, resumedBy: o.by, runReply: null, runRefusals: [], updatedAt: o.now })
    .where(
      and(
        eq(relayState.id, RELAY_STATE_ID),
        isNotNull(relayState.pausedAt),
        or(isNull(relayState.resumedAt), lt(relayState.resumedAt, relayState.pausedAt)),
      ),
    )
    .returning({ id: relayState.id });
  return rows.length > 0;
}
