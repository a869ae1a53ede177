import { z } from "zod";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { adminRoute } from "@/lib/http/admin-route";
import { parseBody } from "@/lib/http/parse-body";
import { methodNotAllowed, ZSlug } from "@/lib/http/route";
import { ZWebhookEndpointCreate } from "@/lib/schemas/partner-api";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";

export const dynamic = "force-dynamic";

const params = z.object({ code: ZSlug });

/** A partner's endpoints and latest deliveries. */
export const GET = adminRoute({ params }, async (_request, { code }) => Response.json(await listWebhooks(await db(), code)));

/** An owner adds an endpoint: the answer holds its signing secret, the only time it is shown. */
export const POST = adminRoute({ params, role: "owner" }, async (request, { code }, campaigner) => {
  const body = await parseBody(request, ZWebhookEndpointCreate);
  const created = await createWebhookEndpoint(await db(), { partnerCode: code, ...body, actor: campaigner.email, allowPrivate: env().WEBHOOK_ALLOW_PRIVATE_URLS });
  return Response.json(created, { status: 201, headers: { "cache-control": "no-store" } });
});

const refuse = methodNotAllowed("GET", "POST");
export { refuse as PUT, refuse as PATCH, refuse as DELETE };
