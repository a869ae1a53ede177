/**
 * One-click unsubscribe from a campaign's news (RFC 8058): the token's mailbox gets no more news of that campaign.
 * The consent is withdrawn on every action of the mailbox in the campaign, so no later mailing lists it (a new
 * letter with the box ticked again asks anew). Only a POST does this: the GET page shows a button, since mail
 * scanners open links. Idempotent; answers undefined for a token that is not known.
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { hashToken } from "@/lib/actions/tokens";
import type { TDb } from "@/lib/db/open";
import { actions, newsTokens } from "@/lib/db/schema";

export type TNewsToken = { campaignSlug: string; unsubscribed: boolean };

export async function findNewsToken(db: TDb, token: string): Promise<TNewsToken | undefined> {
  const [row] = await db.select({ campaignSlug: newsTokens.campaignSlug, usedAt: newsTokens.usedAt }).from(newsTokens).where(eq(newsTokens.tokenHash, hashToken(token)));
  return row ? { campaignSlug: row.campaignSlug, unsubscribed: row.usedAt !== null } : undefined;
}

export async function unsubscribe(db: TDb, token: string, now: Date): Promise<TNewsToken | undefined> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(newsTokens)
      .set({ usedAt: sql`coalesce(${newsTokens.usedAt}, ${now.toISOString()}::timestamptz)` })
      .where(eq(newsTokens.tokenHash, hashToken(token)))
      .returning({ campaignSlug: newsTokens.campaignSlug, mailbox: newsTokens.mailbox });
    if (!row) return undefined;
    await tx
      .update(actions)
      .set({ consent: sql`${actions.consent} || '{"updates": false}'::jsonb` })
      .where(and(eq(actions.campaignSlug, row.campaignSlug), eq(actions.supporterMailbox, row.mailbox)));
    return { campaignSlug: row.campaignSlug, unsubscribed: true };
  });
}
