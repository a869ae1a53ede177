import { z } from "zod";
import { db } from "@/lib/db/client";
import { wakeWorker } from "@/lib/delivery/worker";
import { adminRoute } from "@/lib/http/admin-route";
import { methodNotAllowed, ZSlug, ZUuid } from "@/lib/http/route";
import { redeliverWebhook } from "@/lib/webhooks/redeliver-webhook";

export const dynamic = "force-dynamic";

const params = z.object({ code: ZSlug, id: ZUuid });

/** An owner sends a delivery again, with the same webhook-id and a fresh 24 hours of retries. */
export const POST = adminRoute({ params, role: "owner" }, async (_request, { code, id }, campaigner) => {
  const queued = await redeliverWebhook(await db(), { partnerCode: code, id, actor: campaigner.email });
  wakeWorker();
  return Response.json(queued, { status: 202 });
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
