import { NextResponse } from "next/server";
import { markLetterDone } from "@/lib/actions/confirm-action";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { withProblems } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

/** "I have posted it" / "I have sent it": the letter counts. */
export async function POST(_request: Request, { params }: { params: Promise<{ id: string; letterId: string }> }) {
  return withProblems(async () => {
    const { id, letterId } = await params;
    const uuid = /^[0-9a-f-]{36}$/i;
    if (!uuid.test(id) || !uuid.test(letterId) || !(await markLetterDone(await db(), id, letterId, new Date()))) {
      throw new AppError("NOT_FOUND", "No such letter waiting to be posted or sent.", [{ path: "letterId", message: "not found" }]);
    }
    return NextResponse.json({ ok: true });
  });
}
