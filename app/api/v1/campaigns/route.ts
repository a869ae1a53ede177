import { NextResponse } from "next/server";
import { campaignSummaryJson } from "@/lib/campaigns/campaign-json";
import { listLiveCampaigns } from "@/lib/campaigns/get-campaign";
import { db } from "@/lib/db/client";
import { withProblems } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

export async function GET() {
  return withProblems(async () => {
    const campaigns = await listLiveCampaigns(await db());
    return NextResponse.json(campaigns.map(campaignSummaryJson));
  });
}
