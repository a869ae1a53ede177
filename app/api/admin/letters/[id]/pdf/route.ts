import { z } from "zod";
import { db } from "@/lib/db/client";
import { getLetter } from "@/lib/deliveries/get-letter";
import { AppError } from "@/lib/errors/app-error";
import { adminRoute } from "@/lib/http/admin-route";
import { renderPdfOffThread } from "@/lib/http/render-pdf-off-thread";
import { methodNotAllowed, ZUuid } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** A letter's frozen page as the PDF the official received (or will), laid out off the request thread. */
export const GET = adminRoute({ params: z.object({ id: ZUuid }) }, async (_request, { id }) => {
  const found = await getLetter(await db(), id, { withSupporterEmail: false });
  if (!found) throw new AppError("NOT_FOUND", "No such letter.", [{ path: "id", code: "notFound", message: "not found" }]);
  // A letter whose writer's data was deleted (lib/privacy) has no text left to lay out.
  if (found.supporter.anonymised) throw new AppError("NOT_FOUND", "This letter's text was deleted with its writer's data.", [{ path: "id", code: "anonymised", message: "deleted" }]);
  const { letter } = found;
  const pdf = await renderPdfOffThread({ title: letter.subject, author: letter.page.sender[0] ?? "", language: letter.page.language, letters: [letter.page] });
  return new Response(new Uint8Array(pdf), {
    headers: {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="letter-${letter.recipientId}-${letter.id.slice(0, 8)}.pdf"`,
      "cache-control": "no-store",
    },
  });
});

const refuse = methodNotAllowed("GET");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
