import { z } from "zod";
import { saveCampaign } from "@/lib/content/save-campaign";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { adminRoute } from "@/lib/http/admin-route";
import { readJson } from "@/lib/http/read-json";
import { methodNotAllowed, ZSlug } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const params = z.object({ slug: ZSlug });
const CAMPAIGN_BODY_LIMIT = 512 * 1024;

/** Saves the campaign's doc as a new published version (validated, status moved along the lifecycle only). */
export const PUT = adminRoute({ params }, async (request, { slug }, campaigner) => {
  const doc = await readJson(request, CAMPAIGN_BODY_LIMIT);
  // The slug names the campaign in URLs, letters and history: it is not renamed by a save.
  const given = (doc as { campaign?: { slug?: unknown } } | null)?.campaign?.slug;
  if (given !== slug) throw new AppError("INVALID_INPUT", "This could not be saved: please check the fields listed.", [{ path: "campaign.slug", code: "slug", message: `the slug stays "${slug}"` }]);
  const saved = await saveCampaign(await db(), doc, campaigner.email, { role: campaigner.role });
  return Response.json({ slug, ...saved });
});

const refuse = methodNotAllowed("PUT");
export { refuse as GET, refuse as POST, refuse as PATCH, refuse as DELETE };
