import { db } from "@/lib/db/client";
import { templateKey } from "@/lib/content/docs";
import { saveTemplate } from "@/lib/content/save-template";
import { adminRoute } from "@/lib/http/admin-route";
import { readJson } from "@/lib/http/read-json";
import { methodNotAllowed } from "@/lib/http/route";
import { ZTemplateParams } from "@/lib/schemas/template-params";

export const dynamic = "force-dynamic";

/** Publishes the body (a template doc): letters written from now on use it; letters written before keep their text. */
export const POST = adminRoute({ params: ZTemplateParams }, async (request, { slug, audienceId, language }, campaigner) => {
  const doc = await readJson(request);
  const saved = await saveTemplate(await db(), templateKey(slug, audienceId, language), doc, campaigner.email, "publish");
  return Response.json(saved);
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
