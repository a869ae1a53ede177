import { z } from "zod";
import { db } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/admin-route";
import { methodNotAllowed, ZSlug, ZUuid } from "@/lib/http/route";
import { revokeApiKey } from "@/lib/partners/revoke-api-key";

export const dynamic = "force-dynamic";

const params = z.object({ code: ZSlug, id: ZUuid });

/** An owner revokes a key: it answers 401 from the next request on. */
export const DELETE = adminRoute({ params, role: "owner" }, async (_request, { code, id }, campaigner) =>
  Response.json(await revokeApiKey(await db(), { partnerCode: code, id, actor: campaigner.email })),
);

const refuse = methodNotAllowed("DELETE");
export { refuse as GET, refuse as POST, refuse as PUT, refuse as PATCH };
