import { z } from "zod";
import { postUpdate } from "@/lib/campaigns/post-update";
import { db } from "@/lib/db/client";
import { wakeWorker } from "@/lib/delivery/worker";
import { adminRoute } from "@/lib/http/admin-route";
import { parseBody } from "@/lib/http/parse-body";
import { methodNotAllowed, ZSlug } from "@/lib/http/route";
import { ZPostUpdate } from "@/lib/schemas/case-lifecycle";

export const dynamic = "force-dynamic";

const params = z.object({ slug: ZSlug });

/** Posts a dated case update (a new published version), and emails it to the supporters who asked for news if asked. */
export const POST = adminRoute({ params }, async (request, { slug }, campaigner) => {
  const input = await parseBody(request, ZPostUpdate);
  const posted = await postUpdate(await db(), slug, input, campaigner);
  if (posted.emailed > 0) wakeWorker();
  return Response.json({ slug, ...posted });
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
