/** The public JSON shapes of the HTTP contract (DESIGN.md), built from the database views. */
import "server-only";
import type { TCampaignRow, TCampaignView, listLiveCampaigns } from "./get-campaign";
import { latestUpdate } from "./case-status";

type TListed = Awaited<ReturnType<typeof listLiveCampaigns>>[number];

/** Where the case stands, as the API gives it: the day it was last checked and the newest dated update (English). */
function caseStatusJson(campaign: Pick<TCampaignRow, "caseStatus" | "updates">) {
  const latest = latestUpdate(campaign.updates);
  return {
    asOf: campaign.caseStatus?.asOf ?? null,
    latestUpdate: latest ? { date: latest.date, text: latest.text.en, source: latest.source } : null,
  };
}

export function campaignSummaryJson(campaign: TListed) {
  return {
    slug: campaign.slug,
    title: campaign.content.en.title,
    status: campaign.status,
    languages: campaign.languages,
    counters: { letters: campaign.letterCount },
    ...caseStatusJson(campaign),
  };
}

export function campaignJson(campaign: TCampaignView) {
  return {
    slug: campaign.slug,
    title: campaign.content.en.title,
    summary: campaign.content.en.summary,
    status: campaign.status,
    languages: campaign.languages,
    ...caseStatusJson(campaign),
    caseStatus: campaign.caseStatus ? { asOf: campaign.caseStatus.asOf, text: campaign.caseStatus.text.en } : null,
    audiences: campaign.audiences.map((audience) => ({
      id: audience.id,
      title: audience.title.en,
      recipients: audience.recipients.map((r) => ({
        id: r.id,
        name: r.name,
        kind: r.kind,
        role: r.role.en,
        organisation: r.organisation.en,
        country: r.country,
        channels: r.channels,
      })),
    })),
  };
}
