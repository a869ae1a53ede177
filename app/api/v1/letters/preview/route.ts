import type { z } from "zod";
import type { ZLettersPreview } from "@/lib/schemas/api-responses";
import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { takePdfAllowanceFor } from "@/lib/http/pdf-limit";
import { renderPdfOffThread } from "@/lib/http/render-pdf-off-thread";
import { methodNotAllowed, route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-json";
import { previewLetters } from "@/lib/letters/preview-letters";
import { countPreview } from "@/lib/numbers/count-preview";

export const dynamic = "force-dynamic";

/**
 * The letters a supporter's input makes: JSON by default, or with `Accept: application/pdf` the print-ready PDF of
 * all of them. Nothing about the supporter is stored; the campaign's preview count for the day goes up by one.
 */
export const POST = route({}, async (request) => {
  const body = await readJson(request);
  const database = await db();
  const now = new Date();
  const { campaign, letters, document } = await previewLetters(database, body, now);
  // The numbers' funnel starts with each preview answered: a count per campaign and day, nothing about who
  // (lib/numbers/count-preview.ts).
  const counted = () => countPreview(database, campaign, now);
  if ((request.headers.get("accept") ?? "").includes("application/pdf")) {
    // Each letter is at least a page of layout: a seven-letter preview counts as seven.
    await takePdfAllowanceFor(request, document.letters.length);
    const pdf = await renderPdfOffThread(document);
    await counted();
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `inline; filename="letters-${document.letters.length}.pdf"`,
        "cache-control": "no-store",
      },
    });
  }
  await counted();
  return NextResponse.json(
    { letters: letters.map((l) => ({ recipientId: l.recipientId, language: l.language, subject: l.subject, text: l.text })) } satisfies z.input<typeof ZLettersPreview>,
    { headers: { "cache-control": "no-store" } },
  );
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
