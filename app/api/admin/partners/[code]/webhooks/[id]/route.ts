import { z } from "zod";
import { db } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/admin-route";
import { parseBody } from "@/lib/http/parse-body";
import { methodNotAllowed, ZSlug, ZUuid } from "@/lib/http/route";
import { setEndpointActive } from "@/lib/webhooks/set-endpoint-active";

export const dynamic = "force-dynamic";

const params = z.object({ code: ZSlug, id: ZUuid });
const ZBody = z.strictObject({ active: z.boolean({ message: "expected true or false" }) });

/** An owner turns an endpoint off or on. */
export const PATCH = adminRoute({ params, role: "owner" }, async (request, { code, id }, campaigner) => {
  const { active } = await parseBody(request, ZBody);
  return Response.json(await setEndpointActive(await db(), { partnerCode: code, id, active, actor: campaigner.email }));
});

const refuse = methodNotAllowed("PATCH");
export { refuse as GET, refuse as POST, refuse as PUT, refuse as DELETE };
