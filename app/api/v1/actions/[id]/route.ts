import type { ZActionStatus } from "@/lib/schemas/api-responses";
import { NextResponse } from "next/server";
import { z } from "zod";
import { getActionStatus } from "@/lib/actions/get-action-status";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { ZUuid, methodNotAllowed, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

type TActionStatusAnswer = import("zod").input<typeof ZActionStatus>;

/** The status of an action's letters, for the thank-you page. */
export const GET = route({ params: z.object({ id: ZUuid }) }, async (_request, { id }) => {
  const status = await getActionStatus(await db(), id);
  if (!status) throw new AppError("NOT_FOUND", "No such action.", [{ path: "id", code: "notFound", message: "not found" }]);
  return NextResponse.json(
    {
      id: status.id,
      status: status.status,
      letters: status.letters.map((l) => ({ id: l.id, recipientId: l.recipientId, channel: l.channel, status: l.status, reason: l.reason })),
    } satisfies TActionStatusAnswer,
    { headers: { "cache-control": "no-store" } },
  );
});

const refuse = methodNotAllowed("GET");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
