import { db } from "@/lib/db/client";
import { previewLetterAction } from "@/lib/deliveries/preview-letter-action";
import { cancelLetters } from "@/lib/deliveries/cancel-letters";
import { adminRoute } from "@/lib/http/admin-route";
import { parseBody } from "@/lib/http/parse-body";
import { methodNotAllowed } from "@/lib/http/route";
import { ZBulkLetterAction } from "@/lib/schemas/deliveries";

export const dynamic = "force-dynamic";

/** Cancels the selected queued or held letters (`preview: true`: only says how many, for the confirm step). */
export const POST = adminRoute({}, async (request, _params, campaigner) => {
  const { selection, preview } = await parseBody(request, ZBulkLetterAction);
  const database = await db();
  if (preview) return Response.json(await previewLetterAction(database, "cancel", selection));
  return Response.json(await cancelLetters(database, selection, campaigner.email));
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
