import { z } from "zod";
import { db } from "@/lib/db/client";
import { previewTemplate } from "@/lib/content/preview-template";
import { adminRoute } from "@/lib/http/admin-route";
import { parseBody } from "@/lib/http/parse-body";
import { renderPdfOffThread } from "@/lib/http/render-pdf-off-thread";
import { methodNotAllowed } from "@/lib/http/route";
import { ZPreviewSample } from "@/lib/schemas/template-preview";
import { ZTemplateParams } from "@/lib/schemas/template-params";

export const dynamic = "force-dynamic";

const ZBody = z.object({ doc: z.unknown(), sample: ZPreviewSample });

/**
 * The editor's live preview of an unsaved template for a sample supporter: JSON (subject and text) by default, the
 * real PDF with `Accept: application/pdf`. Nothing is stored. Editors only (it lays out PDFs, the costly part); no
 * per-address PDF allowance, which a campaigner typing would exhaust, but the PDF queue's bound still answers 503.
 */
export const POST = adminRoute({ params: ZTemplateParams, role: "editor" }, async (request, where) => {
  const body = await parseBody(request, ZBody);
  const { letter, document } = await previewTemplate(await db(), where, body.doc, body.sample, new Date());
  if ((request.headers.get("accept") ?? "").includes("application/pdf")) {
    const pdf = await renderPdfOffThread(document);
    return new Response(new Uint8Array(pdf), {
      headers: { "content-type": "application/pdf", "content-disposition": 'inline; filename="preview.pdf"', "cache-control": "no-store" },
    });
  }
  return Response.json({ subject: letter.subject, text: letter.text }, { headers: { "cache-control": "no-store" } });
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
