import { and, eq } from "drizzle-orm";
import { renderLetterPdf } from "@/components/pdf/render-pdf";
import { markLetterPrinted } from "@/lib/actions/confirm-action";
import { db } from "@/lib/db/client";
import { letters } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { takePdfAllowanceFor } from "@/lib/http/pdf-limit";
import { withProblems } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

/** One frozen letter as a print-ready PDF (the action id is the capability); PDFs count against the address's allowance. */
export async function GET(request: Request, { params }: { params: Promise<{ id: string; letterId: string }> }) {
  return withProblems(async () => {
    const { id, letterId } = await params;
    const uuid = /^[0-9a-f-]{36}$/i;
    const [letter] =
      uuid.test(id) && uuid.test(letterId)
        ? await (await db()).select().from(letters).where(and(eq(letters.id, letterId), eq(letters.actionId, id)))
        : [];
    if (!letter) throw new AppError("NOT_FOUND", "No such letter.", [{ path: "letterId", message: "not found" }]);
    await takePdfAllowanceFor(request);
    // The print step: from now on, "I have posted it" counts in the campaign's figures (letter-counts.ts).
    await markLetterPrinted(await db(), id, letterId, new Date());
    const pdf = await renderLetterPdf({ title: letter.subject, author: letter.page.sender[0] ?? "", language: letter.page.language, letters: [letter.page] });
    return new Response(new Uint8Array(pdf), {
      headers: {
        "content-type": "application/pdf",
        "content-disposition": `attachment; filename="letter-${letter.recipientId}.pdf"`,
        "cache-control": "no-store",
      },
    });
  });
}
