import { z } from "zod";
import { db } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/admin-route";
import { parseBody } from "@/lib/http/parse-body";
import { methodNotAllowed, ZSlug } from "@/lib/http/route";
import { clearSuspect } from "@/lib/recipients/clear-suspect";

export const dynamic = "force-dynamic";

const params = z.object({ id: ZSlug });
const ZBody = z.strictObject({ reason: z.string({ message: "say why" }).trim().min(3, { message: "say why the address can be trusted again" }).max(500) });

/** Clears the suspect flag hard bounces set, with the reason in the audit log; its held letters go back to the queue. */
export const POST = adminRoute({ params }, async (request, { id }, campaigner) => {
  const { reason } = await parseBody(request, ZBody);
  const { released } = await clearSuspect(await db(), id, reason, campaigner.email);
  return Response.json({ id, emailSuspect: false, released });
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
