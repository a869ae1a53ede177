import { capturedMailVisible } from "@/lib/env";
import { db } from "@/lib/db/client";
import { readCapturedMail } from "@/lib/mail/captured-mail";

export const dynamic = "force-dynamic";

/** An attachment of a captured message (the letters' PDFs), for the local operator only. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; index: string }> }) {
  if (!capturedMailVisible()) return new Response("Not found", { status: 404 });
  const { id, index } = await params;
  const mail = await readCapturedMail(await db(), id);
  const attachment = mail?.parsed.attachments[Number(index)];
  if (!attachment) return new Response("Not found", { status: 404 });
  return new Response(new Uint8Array(attachment.content), {
    headers: {
      "content-type": attachment.contentType,
      "content-disposition": `attachment; filename="${(attachment.filename ?? "attachment").replace(/[^\w.-]/g, "_")}"`,
    },
  });
}
