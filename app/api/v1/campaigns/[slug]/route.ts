import { NextResponse } from "next/server";
import { campaignJson } from "@/lib/campaigns/campaign-json";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { withProblems } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  return withProblems(async () => {
    const { slug } = await params;
    const campaign = await getCampaign(await db(), slug);
    if (!campaign) {
      throw new AppError("NOT_FOUND", `There is no campaign "${slug}".`, [{ path: "slug", message: "no such campaign" }]);
    }
    return NextResponse.json(campaignJson(campaign));
  });
}
