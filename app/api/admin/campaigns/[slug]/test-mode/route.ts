import { z } from "zod";
import { setTestMode } from "@/lib/campaigns/set-test-mode";
import { db } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/admin-route";
import { parseBody } from "@/lib/http/parse-body";
import { methodNotAllowed, ZSlug } from "@/lib/http/route";
import { ZTestMode } from "@/lib/schemas/case-lifecycle";

export const dynamic = "force-dynamic";

const params = z.object({ slug: ZSlug });

/** Test mode on or off (audit log): while on, letters go to the campaigner who wrote them, never to an official. */
export const PUT = adminRoute({ params }, async (request, { slug }, campaigner) => {
  const { testMode } = await parseBody(request, ZTestMode);
  return Response.json(await setTestMode(await db(), slug, testMode, campaigner.email));
});

const refuse = methodNotAllowed("PUT");
export { refuse as GET, refuse as POST, refuse as PATCH, refuse as DELETE };
