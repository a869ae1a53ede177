import { NextResponse } from "next/server";
import { submitAction } from "@/lib/actions/submit-action";
import { submissionOptions } from "@/lib/actions/submission-options";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { wakeWorker } from "@/lib/delivery/worker";
import { methodNotAllowed, route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-json";
import { getLanguage } from "@/lib/i18n/server";
import { ZIdempotencyKey } from "@/lib/schemas/action-input";

export const dynamic = "force-dynamic";

/** A supporter's submission: 202 {id, status}. The same Idempotency-Key answers the same and creates nothing new. */
export const POST = route({}, async (request) => {
  const body = await readJson(request);
  const keyHeader = request.headers.get("idempotency-key");
  let idempotencyKey: string | undefined;
  if (keyHeader !== null) {
    const key = ZIdempotencyKey.safeParse(keyHeader);
    if (!key.success) {
      throw new AppError("INVALID_INPUT", "The Idempotency-Key header is not valid.", [
        { path: "Idempotency-Key", code: "idempotencyKey", message: "expected 1 to 200 printable characters" },
      ]);
    }
    idempotencyKey = key.data;
  }
  const result = await submitAction(await db(), body, { idempotencyKey, ...submissionOptions(request.headers, await getLanguage()) });
  if (result.created) wakeWorker();
  return NextResponse.json({ id: result.id, status: result.status }, { status: 202 });
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
