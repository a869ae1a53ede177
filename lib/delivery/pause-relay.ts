/**
 * Pauses all sending because the relay refuses mail for reasons of its own (auth, policy, relay access denied).
 * Shared by every worker and app instance through the one relay_state row. A pause already in force keeps its first
 * reply: that is the one campaigners need to see.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { relayState } from "@/lib/db/schema";
import { RELAY_STATE_ID } from "./read-relay-state";

/** Answers true when this call started the pause (it was not paused before). */
export async function pauseRelay(db: TDb, o: { reply: string; now: Date; by?: string }): Promise<boolean> {
  const reply = o.reply.slice(0, 1000);
  const paused = sql`(${relayState.pausedAt} is not null and (${relayState.resumedAt} is null or ${relayState.resumedAt} < ${relayState.pausedAt}))`;
  const rows = await db
    .insert(relayState)
    .values({ id: RELAY_STATE_ID, pausedAt: o.now, reply, pausedBy: o.by ?? "relay", updatedAt: o.now })
    .onConflictDoUpdate({
      target: relayState.id,
      set: {
        pausedAt: sql`case when ${paused} then ${relayState.pausedAt} else ${o.now} end`,
        reply: sql`case when ${paused} then ${relayState.reply} else ${reply} end`,
        pausedBy: sql`case when ${paused} then ${relayState.pausedBy} else ${o.by ?? "relay"} end`,
        resumedAt: sql`case when ${paused} then ${relayState.resumedAt} else null end`,
        resumedBy: sql`case when ${paused} then ${relayState.resumedBy} else null end`,
        alertSentAt: sql`case when ${paused} then ${relayState.alertSentAt} else null end`,
        probedAt: sql`case when ${paused} then ${relayState.probedAt} else null end`,
        probeReply: sql`case when ${paused} then ${relayState.probeReply} else null end`,
        updatedAt: o.now,
      },
    })
    .returning({ pausedAt: relayState.pausedAt });
  return rows[0]?.pausedAt?.getTime() === o.now.getTime();
}
