import { db } from "@/lib/db/client";
import { templateKey } from "@/lib/content/docs";
import { loadTemplateEditor } from "@/lib/content/load-template-editor";
import { saveTemplate } from "@/lib/content/save-template";
import { AppError } from "@/lib/errors/app-error";
import { adminRoute } from "@/lib/http/admin-route";
import { readJson } from "@/lib/http/read-json";
import { methodNotAllowed } from "@/lib/http/route";
import { ZTemplateParams } from "@/lib/schemas/template-params";

export const dynamic = "force-dynamic";

/** A letter template as the editor opens it: published version, newer draft, campaign and recipients for the sample. */
export const GET = adminRoute({ params: ZTemplateParams }, async (_request, { slug, audienceId, language }) => {
  const data = await loadTemplateEditor(await db(), slug, audienceId, language);
  if (!data) throw new AppError("NOT_FOUND", "There is no such audience.", [{ path: "audienceId", code: "notFound", message: "no such audience" }]);
  return Response.json(data, { headers: { "cache-control": "no-store" } });
});

/** Saves the body (a template doc: subjects, body, review) as a draft; letters keep using the published version. */
export const PUT = adminRoute({ params: ZTemplateParams }, async (request, { slug, audienceId, language }, campaigner) => {
  const doc = await readJson(request);
  const saved = await saveTemplate(await db(), templateKey(slug, audienceId, language), doc, campaigner.email, "draft");
  return Response.json(saved);
});

const refuse = methodNotAllowed("GET", "PUT");
export { refuse as POST, refuse as PATCH, refuse as DELETE };
