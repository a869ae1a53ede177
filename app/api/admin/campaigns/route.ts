import { saveCampaign } from "@/lib/content/save-campaign";
import { db } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/admin-route";
import { readJson } from "@/lib/http/read-json";
import { methodNotAllowed } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** A campaign in four languages with its timeline is larger than the 64 kB other JSON bodies may be. */
const CAMPAIGN_BODY_LIMIT = 512 * 1024;

/** A new campaign (campaign.yaml and its texts as one doc): it starts as a draft; saveCampaign validates it. */
export const POST = adminRoute({}, async (request, _params, campaigner) => {
  const doc = await readJson(request, CAMPAIGN_BODY_LIMIT);
  const saved = await saveCampaign(await db(), doc, campaigner.email, { create: true });
  return Response.json({ slug: (doc as { campaign: { slug: string } }).campaign.slug, ...saved }, { status: 201 });
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
