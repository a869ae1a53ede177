import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { methodNotAllowed, route } from "@/lib/http/route";
import { deleteMailboxData } from "@/lib/privacy/delete-mailbox-data";
import { findMailboxRequest } from "@/lib/privacy/find-mailbox-request";
import { PRIVACY_TOKEN } from "@/lib/privacy/mailbox";
import { z } from "zod";

export const dynamic = "force-dynamic";

/**
 * The delete button behind the data link (a plain form POST: works without JavaScript, and a mail scanner that only
 * opens links cannot press it). Validate (the box must be ticked), authorize (the token), delete, then show the
 * outcome page.
 */
export const POST = route({ params: z.object({ token: z.string().regex(PRIVACY_TOKEN) }) }, async (request, { token }) => {
  const base = publicUrl();
  const back = (path: string) => NextResponse.redirect(`${base}${path}`, { status: 303, headers: { "cache-control": "no-store" } });
  const form = await request.formData().catch(() => undefined);
  if (form?.get("confirm") !== "yes") return back(`/privacy/my-data/${encodeURIComponent(token)}?missing=confirm`);
  const database = await db();
  const now = new Date();
  const found = await findMailboxRequest(database, token, now);
  // An expired or used link shows its own page, which says so.
  if (!found) return back(`/privacy/my-data/${encodeURIComponent(token)}`);
  await deleteMailboxData(database, found.email, now);
  return back("/privacy/my-data/deleted");
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
