import { NextResponse } from "next/server";
import { getActionStatus } from "@/lib/actions/get-action-status";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { withProblems } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

/** The status of an action's letters, for the thank-you page. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withProblems(async () => {
    const { id } = await params;
    const status = await getActionStatus(await db(), id);
    if (!status) throw new AppError("NOT_FOUND", "No such action.", [{ path: "id", message: "not found" }]);
    return NextResponse.json(
      { id: status.id, status: status.status, letters: status.letters.map((l) => ({ id: l.id, recipientId: l.recipientId, channel: l.channel, status: l.status, reason: l.reason })) },
      { headers: { "cache-control": "no-store" } },
    );
  });
}
