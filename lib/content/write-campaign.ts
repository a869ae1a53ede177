/**
 * Writes a campaign's published doc into the serving tables (inside the caller's transaction): the campaign row, its
 * audiences (updated in place, so their letter templates stay) and each audience's recipients in order.
 */
import "server-only";
import { and, eq, notInArray, sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { audienceRecipients, audiences, campaigns } from "@/lib/db/schema";
import type { TCampaignDoc } from "./docs";

/** What a campaign gets when campaign.yaml says nothing (defaults are not written back on export). */
export const DEFAULT_CAMPAIGN_SETTINGS = { hourlyCap: 30, dailyCap: 300, retentionDays: 180 };

export async function writeCampaign(tx: TDb, doc: TCampaignDoc, loadedFrom: string | null): Promise<void> {
  const c = doc.campaign;
  const row = {
    slug: c.slug,
    status: c.status,
    subject: c.subject,
    defaultLanguage: c.defaultLanguage,
    content: doc.content,
    source: c.source,
    timeline: c.timeline,
    caseStatus: c.caseStatus,
    updates: c.updates ?? [],
    settings: {
      hourlyCap: c.hourlyCap ?? DEFAULT_CAMPAIGN_SETTINGS.hourlyCap,
      dailyCap: c.dailyCap ?? DEFAULT_CAMPAIGN_SETTINGS.dailyCap,
      retentionDays: c.retentionDays ?? DEFAULT_CAMPAIGN_SETTINGS.retentionDays,
      ...(c.writeBefore ? { writeBefore: c.writeBefore } : {}),
    },
    loadedFrom,
  };
  // When the campaign became closed in this database: retention counts from then (lib/privacy/apply-retention.ts).
  // A later save keeps the first closing time, and a reopened campaign has none.
  const closedAt = sql`case when excluded.status = 'closed' then coalesce(${campaigns.closedAt}, now()) else null end`;
  await tx
    .insert(campaigns)
    .values({ ...row, closedAt: c.status === "closed" ? new Date() : null })
    .onConflictDoUpdate({ target: campaigns.slug, set: { ...row, closedAt, updatedAt: new Date() } });

  const ids = c.audiences.map((a) => a.id);
  // An audience taken out of the campaign goes with its letter templates (cascade); the others are updated in place.
  await tx.delete(audiences).where(and(eq(audiences.campaignSlug, c.slug), notInArray(audiences.id, ids)));
  for (const [position, a] of c.audiences.entries()) {
    const audienceRow = { campaignSlug: c.slug, id: a.id, position, title: a.title, defaultLanguage: a.defaultLanguage, demands: a.demands };
    await tx.insert(audiences).values(audienceRow).onConflictDoUpdate({ target: [audiences.campaignSlug, audiences.id], set: audienceRow });
    await tx.delete(audienceRecipients).where(and(eq(audienceRecipients.campaignSlug, c.slug), eq(audienceRecipients.audienceId, a.id)));
    await tx.insert(audienceRecipients).values(
      a.recipients.map((recipientId, i) => ({
        campaignSlug: c.slug,
        audienceId: a.id,
        recipientId,
        position: i,
        preselected: a.preselected ? a.preselected.includes(recipientId) : true,
      })),
    );
  }
}
