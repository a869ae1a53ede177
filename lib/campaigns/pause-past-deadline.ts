/**
 * The worker's housekeeping for "write before": a live campaign whose day has come is stored as paused (requests
 * already treat it so, lib/campaigns/status-lifecycle.ts), as a new published version by `system`, audited, so the
 * admin and the exports show what the public sees. Idempotent; several workers at once save at most one version
 * each campaign (the save locks the row and an equal doc is not saved again).
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { campaigns } from "@/lib/db/schema";
import { changeCampaignDoc } from "./post-update";
import { writeBeforePassed } from "./status-lifecycle";

export async function pausePastDeadline(db: TDb, now: Date): Promise<string[]> {
  const due = await db
    .select({ slug: campaigns.slug, settings: campaigns.settings })
    .from(campaigns)
    .where(sql`${campaigns.status} = 'live' and ${campaigns.settings} ->> 'writeBefore' is not null`);
  const paused: string[] = [];
  for (const c of due.filter((row) => writeBeforePassed(row.settings.writeBefore, now))) {
    await db.transaction(async (tx) => {
      const [row] = await tx.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.slug, c.slug)).for("update");
      if (row?.status !== "live") return;
      await changeCampaignDoc(tx, c.slug, (doc) => ({ ...doc, campaign: { ...doc.campaign, status: "paused" } }), {
        author: "system",
        role: "editor",
        note: `paused: its "write before" day, ${c.settings.writeBefore}, has come`,
      });
      paused.push(c.slug);
    });
  }
  return paused;
}
