import { z } from "zod";
import { db } from "@/lib/db/client";
import { capturedMailVisible } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { adminRoute } from "@/lib/http/admin-route";
import { ZUuid, methodNotAllowed } from "@/lib/http/route";
import { readCapturedMail } from "@/lib/mail/captured-mail";

export const dynamic = "force-dynamic";

/** An attachment of a captured message (a letter's PDF), for campaigners while mail is captured. */
export const GET = adminRoute({ params: z.object({ id: ZUuid, index: z.coerce.number().int().min(0).max(1000) }) }, async (_request, { id, index }) => {
  const mail = capturedMailVisible() ? await readCapturedMail(await db(), id) : undefined;
  const attachment = mail?.parsed.attachments[index];
  if (!attachment) throw new AppError("NOT_FOUND", "No such attachment.", [{ path: "index", code: "notFound", message: "not found" }]);
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      "content-type": attachment.contentType,
      "content-disposition": `attachment; filename="${(attachment.filename ?? "attachment").replace(/[^\w.-]/g, "_")}"`,
    },
  });
});

const refuse = methodNotAllowed("GET");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
