/**
 * Whether sending is paused because the relay refuses all mail (lib/db/schema.ts relayState): read by every worker
 * before a pass, by the outbox, and by the admin's banner.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { relayState } from "@/lib/db/schema";

export const RELAY_STATE_ID = "relay";

export type TRelayState = typeof relayState.$inferSelect;

export type TRelayPause = {
  pausedAt: Date;
  /** The relay's reply that paused sending. */
  reply: string;
  pausedBy: string;
  /** The relay took the alert email since: it accepts mail again, and an owner may resume. */
  acceptsAgainAt: Date | null;
  /** The last probe's answer while the relay still refused. */
  probedAt: Date | null;
  probeReply: string | null;
};

export function pauseOf(row: TRelayState | undefined): TRelayPause | null {
  if (!row?.pausedAt) return null;
  if (row.resumedAt && row.resumedAt.getTime() >= row.pausedAt.getTime()) return null;
  return {
    pausedAt: row.pausedAt,
    reply: row.reply ?? "",
    pausedBy: row.pausedBy ?? "relay",
    acceptsAgainAt: row.alertSentAt,
    probedAt: row.probedAt,
    probeReply: row.probeReply,
  };
}

/** The pause in force, or null when mail may go. */
export async function readRelayPause(db: TDb): Promise<TRelayPause | null> {
  const [row] = await db.select().from(relayState).where(eq(relayState.id, RELAY_STATE_ID));
  return pauseOf(row);
}

export async function readRelayState(db: TDb): Promise<TRelayState | undefined> {
  const [row] = await db.select().from(relayState).where(eq(relayState.id, RELAY_STATE_ID));
  return row;
}
