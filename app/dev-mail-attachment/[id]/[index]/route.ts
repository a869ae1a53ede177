import { capturedMailVisible } from "@/lib/env";
import { db } from "@/lib/db/client";
import { capturedAttachmentResponse } from "@/lib/mail/captured-attachment";
import { fromLoopback } from "@/lib/http/from-loopback";
import { AppError } from "@/lib/errors/app-error";
import { ZUuid, methodNotAllowed, route } from "@/lib/http/route";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** An attachment of a captured message (the letters' PDFs), for the local operator only. */
export const GET = route({ params: z.object({ id: ZUuid, index: z.coerce.number().int().min(0).max(1000) }) }, async (request, { id, index }) => {
  if (!(capturedMailVisible() && fromLoopback(request.headers))) throw new AppError("NOT_FOUND", "No such attachment.", [{ path: "index", code: "notFound", message: "not found" }]);
  return capturedAttachmentResponse(await db(), id, index);
});

const refuse = methodNotAllowed("GET");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
