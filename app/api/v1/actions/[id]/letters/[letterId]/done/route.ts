import { NextResponse } from "next/server";
import { markLetterDone } from "@/lib/actions/confirm-action";
import { getActionStatus } from "@/lib/actions/get-action-status";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { withProblems } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

/**
 * "I have posted it" / "I have sent it": the letter counts. The thank-you page calls it with fetch; without
 * JavaScript its button is a plain form POST, answered with the thank-you page again (303, so a reload does not
 * post twice).
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string; letterId: string }> }) {
  return withProblems(async () => {
    const { id, letterId } = await params;
    const uuid = /^[0-9a-f-]{36}$/i;
    const fromForm = /^application\/x-www-form-urlencoded|^multipart\/form-data/i.test(request.headers.get("content-type") ?? "");
    const database = await db();
    const done = uuid.test(id) && uuid.test(letterId) && (await markLetterDone(database, id, letterId, new Date()));
    if (fromForm) {
      // Already marked, or marked in another tab: the page shows where the letter is either way.
      const action = uuid.test(id) ? await getActionStatus(database, id) : undefined;
      if (action) {
        const lang = action.pageLanguage ? `&lang=${action.pageLanguage}` : "";
        return NextResponse.redirect(`${publicUrl()}/c/${action.campaignSlug}/thanks?action=${action.id}${lang}#letter-${letterId}`, 303);
      }
    }
    if (!done) throw new AppError("NOT_FOUND", "No such letter waiting to be posted or sent.", [{ path: "letterId", message: "not found" }]);
    return NextResponse.json({ ok: true });
  });
}
