/**
 * Makes the token of an action's confirmation link, when the link is mailed: only its hash is stored (on the
 * action), so the token exists in clear only in the email. A new link replaces the one before it, which stops
 * working: a retried email always carries the link that works.
 */
import "server-only";
import { and, eq, gt } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { actions } from "@/lib/db/schema";
import { hashToken, newToken } from "./tokens";

/** The token, or undefined when the action no longer waits for confirmation or its time to confirm is over. */
export async function issueConfirmationToken(db: TDb, actionId: string, now: Date): Promise<string | undefined> {
  const token = newToken();
  const updated = await db
    .update(actions)
    .set({ confirmTokenHash: hashToken(token), updatedAt: now })
    .where(and(eq(actions.id, actionId), eq(actions.status, "awaiting-confirmation"), gt(actions.confirmExpiresAt, now)))
    .returning({ id: actions.id });
  return updated.length ? token : undefined;
}
