import { z } from "zod";
import { saveRecipient } from "@/lib/content/save-recipient";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { adminRoute } from "@/lib/http/admin-route";
import { readJson } from "@/lib/http/read-json";
import { methodNotAllowed, ZSlug } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const params = z.object({ id: ZSlug });

/** Saves a recipient as a new published version. */
export const PUT = adminRoute({ params }, async (request, { id }, campaigner) => {
  const doc = await readJson(request);
  // Campaigns and letters refer to the id: it is not renamed by a save.
  if ((doc as { id?: unknown } | null)?.id !== id) throw new AppError("INVALID_INPUT", "This could not be saved: please check the fields listed.", [{ path: "id", code: "id", message: `the id stays "${id}"` }]);
  return Response.json(await saveRecipient(await db(), doc, campaigner.email));
});

const refuse = methodNotAllowed("PUT");
export { refuse as GET, refuse as POST, refuse as PATCH, refuse as DELETE };
