import { z } from "zod";
import { setSendingHeld } from "@/lib/campaigns/set-sending-held";
import { db } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/admin-route";
import { parseBody } from "@/lib/http/parse-body";
import { methodNotAllowed, ZSlug } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const params = z.object({ slug: ZSlug });
const ZBody = z.strictObject({ held: z.boolean({ message: "expected true or false" }) });

/** Puts the campaign's sending on hold, or lets it go on (audit log). */
export const PUT = adminRoute({ params }, async (request, { slug }, campaigner) => {
  const { held } = await parseBody(request, ZBody);
  return Response.json(await setSendingHeld(await db(), slug, held, campaigner.email));
});

const refuse = methodNotAllowed("PUT");
export { refuse as GET, refuse as POST, refuse as PATCH, refuse as DELETE };
