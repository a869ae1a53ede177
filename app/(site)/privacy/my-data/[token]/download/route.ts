import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { methodNotAllowed, route } from "@/lib/http/route";
import { exportMailboxData } from "@/lib/privacy/export-mailbox-data";
import { findMailboxRequest } from "@/lib/privacy/find-mailbox-request";
import { PRIVACY_TOKEN } from "@/lib/privacy/mailbox";
import { z } from "zod";

export const dynamic = "force-dynamic";

/** Everything stored about the mailbox as a JSON file (the emailed token is the capability); reading only. */
export const GET = route({ params: z.object({ token: z.string().regex(PRIVACY_TOKEN) }) }, async (_request, { token }) => {
  const database = await db();
  const now = new Date();
  const request = await findMailboxRequest(database, token, now);
  if (!request) throw new AppError("NOT_FOUND", "This link does not work: it has expired, or the data was deleted.");
  const data = await exportMailboxData(database, request.email, now);
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="my-data-${now.toISOString().slice(0, 10)}.json"`,
      "cache-control": "no-store",
    },
  });
});

const refuse = methodNotAllowed("GET");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
