import { z } from "zod";
import { db } from "@/lib/db/client";
import { wakeWorker } from "@/lib/delivery/worker";
import { adminRoute } from "@/lib/http/admin-route";
import { methodNotAllowed, ZSlug, ZUuid } from "@/lib/http/route";
import { sendTestEvent } from "@/lib/webhooks/send-test-event";

export const dynamic = "force-dynamic";

const params = z.object({ code: ZSlug, id: ZUuid });

/** An owner sends a `test` event to the endpoint (queued; the delivery log shows how it went). */
export const POST = adminRoute({ params, role: "owner" }, async (_request, { code, id }, campaigner) => {
  const queued = await sendTestEvent(await db(), { partnerCode: code, endpointId: id, actor: campaigner.email });
  wakeWorker();
  return Response.json(queued, { status: 202 });
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
