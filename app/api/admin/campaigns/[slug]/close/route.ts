import { z } from "zod";
import { closeCampaign } from "@/lib/campaigns/close-campaign";
import { db } from "@/lib/db/client";
import { wakeWorker } from "@/lib/delivery/worker";
import { adminRoute } from "@/lib/http/admin-route";
import { parseBody } from "@/lib/http/parse-body";
import { methodNotAllowed, ZSlug } from "@/lib/http/route";
import { ZCloseCampaign } from "@/lib/schemas/case-lifecycle";

export const dynamic = "force-dynamic";

const params = z.object({ slug: ZSlug });

/** Closes the campaign with its closing update: its waiting letters are cancelled, the outcome emailed if asked. */
export const POST = adminRoute({ params }, async (request, { slug }, campaigner) => {
  const input = await parseBody(request, ZCloseCampaign);
  const closed = await closeCampaign(await db(), slug, input, campaigner);
  if (closed.emailed > 0) wakeWorker();
  return Response.json({ slug, ...closed });
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
