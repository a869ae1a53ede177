/**
 * What closing a campaign does to its letters still waiting to go: letters by email that are queued, held for a
 * campaigner, or awaiting their writer's confirmation are cancelled, in one statement, so none leaves after the
 * close (the sender only takes queued letters, and a later confirmation finds nothing to queue). Letters already
 * being sent, sent, posted or failed stay as they are. countQueue says beforehand what would be cancelled.
 */
import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { letters } from "@/lib/db/schema";

export const CANCELLED_ON_CLOSE = ["queued", "held", "awaiting-confirmation"] as const;
export const CLOSED_ERROR = "cancelled: the campaign was closed";

export type TQueueCount = { queued: number; held: number; awaitingConfirmation: number };

const waiting = (slug: string) => and(eq(letters.campaignSlug, slug), eq(letters.channel, "email"), inArray(letters.status, [...CANCELLED_ON_CLOSE]));

export async function countQueue(db: TDb, slug: string): Promise<TQueueCount> {
  const [row] = await db
    .select({
      queued: sql<number>`count(*) filter (where ${letters.status} = 'queued')`,
      held: sql<number>`count(*) filter (where ${letters.status} = 'held')`,
      awaiting: sql<number>`count(*) filter (where ${letters.status} = 'awaiting-confirmation')`,
    })
    .from(letters)
    .where(waiting(slug));
  return { queued: Number(row?.queued ?? 0), held: Number(row?.held ?? 0), awaitingConfirmation: Number(row?.awaiting ?? 0) };
}

/** Cancels them (inside the caller's transaction) and writes how many to the audit log; answers the count. */
export async function cancelQueue(tx: TDb, slug: string, actor: string): Promise<number> {
  const now = new Date();
  const cancelled = await tx
    .update(letters)
    .set({ status: "cancelled", lastError: CLOSED_ERROR, nextAttemptAt: null, lockedUntil: null, updatedAt: now })
    .where(waiting(slug))
    .returning({ id: letters.id });
  await recordAudit(tx, { actor, action: "cancel queue", entity: "campaign", key: slug, detail: { cancelled: cancelled.length } });
  return cancelled.length;
}
