/** The public JSON shapes of the HTTP contract (DESIGN.md), built from the database views. */
import type { TCampaignView, listLiveCampaigns } from "./get-campaign";

type TListed = Awaited<ReturnType<typeof listLiveCampaigns>>[number];

export function campaignSummaryJson(campaign: TListed) {
  return {
    slug: campaign.slug,
    title: campaign.content.en.title,
    status: campaign.status,
    languages: campaign.languages,
    counters: { letters: campaign.letterCount },
  };
}

export function campaignJson(campaign: TCampaignView) {
  return {
    slug: campaign.slug,
    title: campaign.content.en.title,
    summary: campaign.content.en.summary,
    status: campaign.status,
    languages: campaign.languages,
    audiences: campaign.audiences.map((audience) => ({
      id: audience.id,
      title: audience.title.en,
      recipients: audience.recipients.map((r) => ({
        id: r.id,
        name: r.name,
        role: r.role.en,
        organisation: r.organisation.en,
        country: r.country,
        channels: r.channels,
      })),
    })),
  };
}
