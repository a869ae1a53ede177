import { db } from "@/lib/db/client";
import { templateKey } from "@/lib/content/docs";
import { saveTemplate } from "@/lib/content/save-template";
import { adminRoute } from "@/lib/http/admin-route";
import { readJson } from "@/lib/http/read-json";
import { methodNotAllowed } from "@/lib/http/route";
import { ZTemplateParams } from "@/lib/schemas/template-params";

export const dynamic = "force-dynamic";

/**
 * "I reviewed this letter": publishes the doc the campaigner has in front of them without the "review needed" flag,
 * with a note naming them, so the history says who vouched for the wording.
 */
export const POST = adminRoute({ params: ZTemplateParams }, async (request, { slug, audienceId, language }, campaigner) => {
  const body = await readJson(request);
  // Any review value sent along is dropped: clearing it is what this address is for.
  const doc = body && typeof body === "object" && !Array.isArray(body) ? { ...(body as Record<string, unknown>), review: undefined } : body;
  const who = campaigner.name ? `${campaigner.name} <${campaigner.email}>` : campaigner.email;
  const saved = await saveTemplate(await db(), templateKey(slug, audienceId, language), doc, campaigner.email, "publish", `reviewed by ${who}`);
  return Response.json(saved);
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
