import "server-only";
import { and, count, eq, inArray, isNotNull, or, sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { letters } from "@/lib/db/schema";

/**
 * Letters that count for a campaign: by email, confirmed and on their way or sent; from the supporter's own mail app,
 * once they say they sent it; posted, once they say so and only if they downloaded the letter to print first (the
 * print step, letters.printed_at). Saying "I have posted it" is one click, and a letter is marked posted only once;
 * requiring the print step before it counts keeps a click from inflating the public figure without a letter.
 */
export const COUNTED_STATUSES = ["queued", "sending", "sent", "posted"] as const;

// Test mode's letters (letters.test) never count: they went to a campaigner, not to an official.
const counted = and(
  eq(letters.test, false),
  or(inArray(letters.status, ["queued", "sending", "sent"]), and(eq(letters.status, "posted"), isNotNull(letters.printedAt))),
);

export async function countLetters(db: TDb, slugs: string[]): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map();
  const rows = await db
    .select({ slug: letters.campaignSlug, n: count() })
    .from(letters)
    .where(and(inArray(letters.campaignSlug, slugs), counted))
    .groupBy(letters.campaignSlug);
  const counts = new Map(slugs.map((s) => [s, 0]));
  for (const row of rows) counts.set(row.slug, Number(row.n));
  return counts;
}

/** A campaign's letters counted apart: sent (by us, or from the supporter's mail app), waiting to be sent, posted. */
export type TLetterTally = { sent: number; queued: number; posted: number };

export async function tallyLetters(db: TDb, slug: string): Promise<TLetterTally> {
  const [row] = await db
    .select({
      sent: sql<number>`count(*) filter (where ${letters.status} = 'sent')`,
      queued: sql<number>`count(*) filter (where ${letters.status} in ('queued', 'sending'))`,
      posted: sql<number>`count(*) filter (where ${letters.status} = 'posted' and ${letters.printedAt} is not null)`,
    })
    .from(letters)
    .where(and(eq(letters.campaignSlug, slug), eq(letters.test, false)));
  return { sent: Number(row?.sent ?? 0), queued: Number(row?.queued ?? 0), posted: Number(row?.posted ?? 0) };
}
