import "server-only";
import type { TDb } from "@/lib/db/open";
import { AppError } from "@/lib/errors/app-error";
import { readCapturedMail } from "./captured-mail";

/** An attachment of a captured message as a download (the admin's Mail and /dev/mail both serve them). */
export async function capturedAttachmentResponse(db: TDb, id: string, index: number): Promise<Response> {
  const mail = await readCapturedMail(db, id);
  const attachment = mail?.parsed.attachments[index];
  if (!attachment) throw new AppError("NOT_FOUND", "No such attachment.", [{ path: "index", code: "notFound", message: "not found" }]);
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      "content-type": attachment.contentType,
      "content-disposition": `attachment; filename="${(attachment.filename ?? "attachment").replace(/[^\w.-]/g, "_")}"`,
    },
  });
}
