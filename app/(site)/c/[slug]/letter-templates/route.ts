import { NextResponse } from "next/server";
import { z } from "zod";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { ZSlug, methodNotAllowed, route } from "@/lib/http/route";
import { loadTemplates } from "@/lib/letters/load-templates";

export const dynamic = "force-dynamic";

/**
 * Every letter template of a campaign, for its composer once it runs in the browser (lazy-composer.tsx). The case
 * page carries only the templates of the language its letters start in, so that a phone does not download and parse
 * letters in every language of every audience before the supporter has touched the form.
 */
export const GET = route({ params: z.object({ slug: ZSlug }) }, async (_request, { slug }) => {
  const database = await db();
  const campaign = await getCampaign(database, slug);
  if (!campaign) {
    throw new AppError("NOT_FOUND", `There is no campaign "${slug}".`, [{ path: "slug", code: "notFound", message: "no such campaign" }]);
  }
  return NextResponse.json(await loadTemplates(database, slug), { headers: { "cache-control": "no-store" } });
});

const refuse = methodNotAllowed("GET");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
