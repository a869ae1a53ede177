import { and, eq, isNull } from "drizzle-orm";
import { markLetterPrinted } from "@/lib/actions/confirm-action";
import { db } from "@/lib/db/client";
import { actions, letters } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { takePdfAllowanceFor } from "@/lib/http/pdf-limit";
import { renderPdfOffThread } from "@/lib/http/render-pdf-off-thread";
import { ZUuid, methodNotAllowed, route } from "@/lib/http/route";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** One frozen letter as a print-ready PDF (the action id is the capability); PDFs count against the address's allowance. */
export const GET = route({ params: z.object({ id: ZUuid, letterId: ZUuid }) }, async (request, { id, letterId }) => {
  const database = await db();
  const [letter] = await database
    .select({ subject: letters.subject, page: letters.page, recipientId: letters.recipientId })
    .from(letters)
    .innerJoin(actions, eq(actions.id, letters.actionId))
    // A letter whose writer's data was deleted (lib/privacy) has no text left to lay out.
    .where(and(eq(letters.id, letterId), eq(letters.actionId, id), isNull(actions.anonymisedAt)));
  if (!letter) throw new AppError("NOT_FOUND", "No such letter.", [{ path: "letterId", code: "notFound", message: "not found" }]);
  await takePdfAllowanceFor(request);
  // The print step: from now on, "I have posted it" counts in the campaign's figures (letter-counts.ts).
  await markLetterPrinted(database, id, letterId, new Date());
  const pdf = await renderPdfOffThread({ title: letter.subject, author: letter.page.sender[0] ?? "", language: letter.page.language, letters: [letter.page] });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `attachment; filename="letter-${letter.recipientId}.pdf"`,
      "cache-control": "no-store",
    },
  });
});

const refuse = methodNotAllowed("GET");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
