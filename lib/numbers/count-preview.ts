/**
 * Counts one preview of a campaign's letters for today (UTC), for the numbers' funnel: a count per campaign and
 * day, nothing about who previewed (previews leave no other row). A campaign in test mode is not counted.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { campaignPreviews } from "@/lib/db/schema";

export async function countPreview(db: TDb, campaign: { slug: string; testMode: boolean }, now: Date): Promise<void> {
  if (campaign.testMode) return;
  await db
    .insert(campaignPreviews)
    .values({ campaignSlug: campaign.slug, day: now.toISOString().slice(0, 10), count: 1 })
    .onConflictDoUpdate({ target: [campaignPreviews.campaignSlug, campaignPreviews.day], set: { count: sql`${campaignPreviews.count} + 1` } });
}
