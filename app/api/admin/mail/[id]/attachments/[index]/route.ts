import { z } from "zod";
import { db } from "@/lib/db/client";
import { capturedMailVisible } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { adminRoute } from "@/lib/http/admin-route";
import { ZUuid, methodNotAllowed } from "@/lib/http/route";
import { capturedAttachmentResponse } from "@/lib/mail/captured-attachment";

export const dynamic = "force-dynamic";

/** An attachment of a captured message (a letter's PDF), for campaigners while mail is captured. */
export const GET = adminRoute({ params: z.object({ id: ZUuid, index: z.coerce.number().int().min(0).max(1000) }) }, async (_request, { id, index }) => {
  if (!capturedMailVisible()) throw new AppError("NOT_FOUND", "No such attachment.", [{ path: "index", code: "notFound", message: "not found" }]);
  return capturedAttachmentResponse(await db(), id, index);
});

const refuse = methodNotAllowed("GET");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
