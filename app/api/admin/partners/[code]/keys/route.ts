import { z } from "zod";
import { db } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/admin-route";
import { parseBody } from "@/lib/http/parse-body";
import { methodNotAllowed, ZSlug } from "@/lib/http/route";
import { createApiKey } from "@/lib/partners/create-api-key";
import { listApiKeys } from "@/lib/partners/list-api-keys";
import { ZApiKeyCreate } from "@/lib/schemas/partner-api";

export const dynamic = "force-dynamic";

const params = z.object({ code: ZSlug });

/** A partner's keys (never the keys themselves). */
export const GET = adminRoute({ params }, async (_request, { code }) => Response.json({ keys: await listApiKeys(await db(), code) }));

/** An owner makes a key: the answer holds the key, the only time it is ever shown. */
export const POST = adminRoute({ params, role: "owner" }, async (request, { code }, campaigner) => {
  const { name } = await parseBody(request, ZApiKeyCreate);
  const created = await createApiKey(await db(), { partnerCode: code, name, actor: campaigner.email });
  return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});

const refuse = methodNotAllowed("GET", "POST");
export { refuse as PUT, refuse as PATCH, refuse as DELETE };
