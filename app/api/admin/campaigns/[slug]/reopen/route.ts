import { z } from "zod";
import { reopenCampaign } from "@/lib/campaigns/reopen-campaign";
import { db } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/admin-route";
import { parseBody } from "@/lib/http/parse-body";
import { methodNotAllowed, ZSlug } from "@/lib/http/route";
import { ZReopenCampaign } from "@/lib/schemas/case-lifecycle";

export const dynamic = "force-dynamic";

const params = z.object({ slug: ZSlug });

/** Reopens a closed campaign, paused or live: an owner's decision. */
export const POST = adminRoute({ params, role: "owner" }, async (request, { slug }, campaigner) => {
  const { status } = await parseBody(request, ZReopenCampaign);
  return Response.json({ slug, status, ...(await reopenCampaign(await db(), slug, status, campaigner)) });
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
