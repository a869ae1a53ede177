import { z } from "zod";
import { db } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/admin-route";
import { parseBody } from "@/lib/http/parse-body";
import { methodNotAllowed, ZSlug } from "@/lib/http/route";
import { sendTestLetter } from "@/lib/recipients/send-test-letter";

export const dynamic = "force-dynamic";

const params = z.object({ id: ZSlug });
const ZBody = z.strictObject({ campaignSlug: ZSlug.optional() });

/** Mails the signed-in campaigner (never the official) the letter a supporter would send this recipient, marked [TEST]. */
export const POST = adminRoute({ params }, async (request, { id }, campaigner) => {
  const body = await parseBody(request, ZBody);
  return Response.json(await sendTestLetter(await db(), id, campaigner, body));
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
