import { NextResponse } from "next/server";
import { renderLetterPdf } from "@/components/pdf/render-pdf";
import { db } from "@/lib/db/client";
import { takePdfAllowanceFor } from "@/lib/http/pdf-limit";
import { withProblems } from "@/lib/http/problem";
import { readJson } from "@/lib/http/read-json";
import { previewLetters } from "@/lib/letters/preview-letters";

export const dynamic = "force-dynamic";

/**
 * The letters a supporter's input makes: JSON by default, or with `Accept: application/pdf` the print-ready PDF of
 * all of them. Nothing is stored.
 */
export async function POST(request: Request) {
  return withProblems(async () => {
    const body = await readJson(request);
    const { letters, document } = await previewLetters(await db(), body, new Date());
    if ((request.headers.get("accept") ?? "").includes("application/pdf")) {
      await takePdfAllowanceFor(request);
      const pdf = await renderLetterPdf(document);
      return new Response(new Uint8Array(pdf), {
        headers: {
          "content-type": "application/pdf",
          "content-disposition": `inline; filename="letters-${document.letters.length}.pdf"`,
          "cache-control": "no-store",
        },
      });
    }
    return NextResponse.json(
      { letters: letters.map((l) => ({ recipientId: l.recipientId, language: l.language, subject: l.subject, text: l.text })) },
      { headers: { "cache-control": "no-store" } },
    );
  });
}
