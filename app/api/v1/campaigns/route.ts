import type { z } from "zod";
import type { ZCampaignList } from "@/lib/schemas/api-responses";
import { NextResponse } from "next/server";
import { campaignSummaryJson } from "@/lib/campaigns/campaign-json";
import { listLiveCampaigns } from "@/lib/campaigns/get-campaign";
import { db } from "@/lib/db/client";
import { methodNotAllowed, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The live campaigns (a closed one is not listed). */
export const GET = route({}, async () => {
  const campaigns = await listLiveCampaigns(await db());
  return NextResponse.json(campaigns.map(campaignSummaryJson) satisfies z.input<typeof ZCampaignList>);
});

const refuse = methodNotAllowed("GET");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
