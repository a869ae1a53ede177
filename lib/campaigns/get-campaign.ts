/**
 * Reads campaigns for the public pages and the JSON API: the campaign, its audiences, their recipients and the
 * languages in which letters can be written.
 */
import "server-only";
import { asc, eq, inArray } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { audienceRecipients, audiences, campaigns, letterTemplates, recipients } from "@/lib/db/schema";
import { LANGUAGES, type TLanguage } from "@/lib/i18n/languages";
import { countLetters } from "./letter-counts";

export type TCampaignRow = typeof campaigns.$inferSelect;
export type TRecipientRow = typeof recipients.$inferSelect;
export type TAudienceView = typeof audiences.$inferSelect & {
  languages: TLanguage[];
  recipients: (TRecipientRow & { preselected: boolean })[];
};
export type TCampaignView = TCampaignRow & {
  /** Languages in which at least one of its letter templates is written, in the site's order. */
  languages: TLanguage[];
  audiences: TAudienceView[];
  letterCount: number;
};

function sortLanguages(list: Iterable<string>): TLanguage[] {
  const set = new Set(list);
  return LANGUAGES.filter((l) => set.has(l));
}

export async function listLiveCampaigns(db: TDb): Promise<(TCampaignRow & { languages: TLanguage[]; letterCount: number })[]> {
  const rows = await db.select().from(campaigns).where(eq(campaigns.status, "live")).orderBy(asc(campaigns.createdAt), asc(campaigns.slug));
  const slugs = rows.map((r) => r.slug);
  const [counts, templates] = await Promise.all([
    countLetters(db, slugs),
    slugs.length
      ? db
          .select({ slug: letterTemplates.campaignSlug, language: letterTemplates.language })
          .from(letterTemplates)
          .where(inArray(letterTemplates.campaignSlug, slugs))
      : Promise.resolve([]),
  ]);
  return rows.map((row) => ({
    ...row,
    languages: sortLanguages(templates.filter((t) => t.slug === row.slug).map((t) => t.language)),
    letterCount: counts.get(row.slug) ?? 0,
  }));
}

/** A campaign with everything its page needs, or undefined. Drafts are only returned when asked for. */
export async function getCampaign(db: TDb, slug: string, options: { includeDrafts?: boolean } = {}): Promise<TCampaignView | undefined> {
  const [campaign] = await db.select().from(campaigns).where(eq(campaigns.slug, slug));
  if (!campaign || (campaign.status === "draft" && !options.includeDrafts)) return undefined;

  const [audienceRows, memberRows, templateRows, counts] = await Promise.all([
    db.select().from(audiences).where(eq(audiences.campaignSlug, slug)).orderBy(asc(audiences.position)),
    db
      .select({ member: audienceRecipients, recipient: recipients })
      .from(audienceRecipients)
      .innerJoin(recipients, eq(recipients.id, audienceRecipients.recipientId))
      .where(eq(audienceRecipients.campaignSlug, slug))
      .orderBy(asc(audienceRecipients.position)),
    db
      .select({ audienceId: letterTemplates.audienceId, language: letterTemplates.language })
      .from(letterTemplates)
      .where(eq(letterTemplates.campaignSlug, slug)),
    countLetters(db, [slug]),
  ]);

  const audienceViews: TAudienceView[] = audienceRows.map((a) => ({
    ...a,
    languages: sortLanguages(templateRows.filter((t) => t.audienceId === a.id).map((t) => t.language)),
    recipients: memberRows
      .filter((m) => m.member.audienceId === a.id)
      .map((m) => ({ ...m.recipient, preselected: m.member.preselected })),
  }));

  return {
    ...campaign,
    languages: sortLanguages(templateRows.map((t) => t.language)),
    audiences: audienceViews,
    letterCount: counts.get(slug) ?? 0,
  };
}
