import { and, count, inArray } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { letters } from "@/lib/db/schema";

/** Letters that count for a campaign: confirmed and on their way, sent, or posted by the supporter. */
export const COUNTED_STATUSES = ["queued", "sending", "sent", "posted"] as const;

export async function countLetters(db: TDb, slugs: string[]): Promise<Map<string, number>> {
  if (slugs.length === 0) return new Map();
  const rows = await db
    .select({ slug: letters.campaignSlug, n: count() })
    .from(letters)
    .where(and(inArray(letters.campaignSlug, slugs), inArray(letters.status, [...COUNTED_STATUSES])))
    .groupBy(letters.campaignSlug);
  const counts = new Map(slugs.map((s) => [s, 0]));
  for (const row of rows) counts.set(row.slug, Number(row.n));
  return counts;
}

