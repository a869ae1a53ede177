/**
 * Every campaign of every status for the admin's list (drafts and closed ones too, which the public reads leave
 * out), with its letters counted by what happened to them.
 */
import "server-only";
import { asc, sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { campaigns, letters } from "@/lib/db/schema";

export type TCampaignListRow = {
  slug: string;
  title: string;
  status: (typeof campaigns.$inferSelect)["status"];
  sendingHeld: boolean;
  counts: { written: number; queued: number; sent: number; posted: number };
};

export async function listCampaigns(db: TDb): Promise<TCampaignListRow[]> {
  const [rows, tallies] = await Promise.all([
    db.select({ slug: campaigns.slug, status: campaigns.status, sendingHeld: campaigns.sendingHeld, content: campaigns.content }).from(campaigns).orderBy(asc(campaigns.createdAt), asc(campaigns.slug)),
    db
      .select({
        slug: letters.campaignSlug,
        written: sql<number>`count(*)`,
        queued: sql<number>`count(*) filter (where ${letters.status} in ('queued', 'sending'))`,
        sent: sql<number>`count(*) filter (where ${letters.status} = 'sent')`,
        // Posted counts only after the print step, as on the public page (lib/campaigns/letter-counts.ts).
        posted: sql<number>`count(*) filter (where ${letters.status} = 'posted' and ${letters.printedAt} is not null)`,
      })
      .from(letters)
      .groupBy(letters.campaignSlug),
  ]);
  const bySlug = new Map(tallies.map((t) => [t.slug, t]));
  return rows.map((r) => {
    const t = bySlug.get(r.slug);
    return {
      slug: r.slug,
      title: r.content.en.title,
      status: r.status,
      sendingHeld: r.sendingHeld,
      counts: { written: Number(t?.written ?? 0), queued: Number(t?.queued ?? 0), sent: Number(t?.sent ?? 0), posted: Number(t?.posted ?? 0) },
    };
  });
}
