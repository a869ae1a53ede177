import { z } from "zod";
import { savePartner } from "@/lib/content/save-partner";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { adminRoute } from "@/lib/http/admin-route";
import { readJson } from "@/lib/http/read-json";
import { methodNotAllowed, ZSlug } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const params = z.object({ code: ZSlug });

/** Saves a partner as a new published version (owners only). */
export const PUT = adminRoute({ params, role: "owner" }, async (request, { code }, campaigner) => {
  const doc = await readJson(request);
  // Embeds and actions refer to the code: it is not renamed by a save.
  if ((doc as { code?: unknown } | null)?.code !== code) throw new AppError("INVALID_INPUT", "This could not be saved: please check the fields listed.", [{ path: "code", code: "code", message: `the code stays "${code}"` }]);
  return Response.json(await savePartner(await db(), doc, campaigner.email));
});

const refuse = methodNotAllowed("PUT");
export { refuse as GET, refuse as POST, refuse as PATCH, refuse as DELETE };
