import type { ZLetterDone } from "@/lib/schemas/api-responses";
import { NextResponse } from "next/server";
import { z } from "zod";
import { markLetterDone } from "@/lib/actions/confirm-action";
import { getActionStatus } from "@/lib/actions/get-action-status";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { ZUuid, methodNotAllowed, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type TLetterDoneAnswer = import("zod").input<typeof ZLetterDone>;

/**
 * "I have posted it" / "I have sent it": the letter counts. The thank-you page calls it with fetch; without
 * JavaScript its button is a plain form POST, answered with the thank-you page again (303, so a reload does not
 * post twice).
 */
export const POST = route({ params: z.object({ id: ZUuid, letterId: ZUuid }) }, async (request, { id, letterId }) => {
  const fromForm = /^application\/x-www-form-urlencoded|^multipart\/form-data/i.test(request.headers.get("content-type") ?? "");
  const database = await db();
  const done = await markLetterDone(database, id, letterId, new Date());
  if (fromForm) {
    // Already marked, or marked in another tab: the page shows where the letter is either way.
    const action = await getActionStatus(database, id);
    if (action) {
      const lang = action.pageLanguage ? `&lang=${action.pageLanguage}` : "";
      return NextResponse.redirect(`${publicUrl()}/c/${action.campaignSlug}/thanks?action=${action.id}${lang}#letter-${letterId}`, 303);
    }
  }
  if (!done) throw new AppError("NOT_FOUND", "No such letter waiting to be posted or sent.", [{ path: "letterId", code: "notFound", message: "not found" }]);
  return NextResponse.json({ ok: true } satisfies TLetterDoneAnswer);
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
