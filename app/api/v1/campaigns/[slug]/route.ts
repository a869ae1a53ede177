import type { ZCampaign } from "@/lib/schemas/api-responses";
import { NextResponse } from "next/server";
import { z } from "zod";
import { campaignJson } from "@/lib/campaigns/campaign-json";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { ZSlug, methodNotAllowed, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type TCampaignAnswer = z.input<typeof ZCampaign>;

/** A campaign with its audiences and recipients; a closed one too (its page stays readable). */
export const GET = route({ params: z.object({ slug: ZSlug }) }, async (_request, { slug }) => {
  const campaign = await getCampaign(await db(), slug);
  if (!campaign) {
    throw new AppError("NOT_FOUND", `There is no campaign "${slug}".`, [{ path: "slug", code: "notFound", message: "no such campaign" }]);
  }
  return NextResponse.json(campaignJson(campaign) satisfies TCampaignAnswer);
});

const refuse = methodNotAllowed("GET");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
