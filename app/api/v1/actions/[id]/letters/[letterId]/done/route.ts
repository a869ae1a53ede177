import { NextResponse } from "next/server";
import { z } from "zod";
import { markLetterDone } from "@/lib/actions/confirm-action";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { ZUuid, methodNotAllowed, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** "I have posted it" / "I have sent it": the letter counts. */
export const POST = route({ params: z.object({ id: ZUuid, letterId: ZUuid }) }, async (_request, { id, letterId }) => {
  if (!(await markLetterDone(await db(), id, letterId, new Date()))) {
    throw new AppError("NOT_FOUND", "No such letter waiting to be posted or sent.", [{ path: "letterId", code: "notFound", message: "not found" }]);
  }
  return NextResponse.json({ ok: true });
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
