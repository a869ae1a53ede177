import { NextResponse } from "next/server";
import { submitAction } from "@/lib/actions/submit-action";
import { hashIp } from "@/lib/actions/tokens";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { wakeWorker } from "@/lib/delivery/worker";
import { clientAddress } from "@/lib/http/client-address";
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
      throw new AppError("INVALID_INPUT", "The Idempotency-Key header is not valid.", [{ path: "Idempotency-Key", message: "expected 1 to 200 printable characters" }]);
    }
    idempotencyKey = key.data;
  }
  const settings = env();
  const ip = clientAddress(request.headers, settings.TRUSTED_PROXIES);
  const pageLanguage = await getLanguage();
  const result = await submitAction(await db(), body, {
    idempotencyKey,
    ipHash: hashIp(ip, settings.IP_HASH_SALT),
    now: new Date(),
    rateLimits: {
      perIpPerHour: settings.RATE_LIMIT_IP_PER_HOUR,
      perEmailPerHour: settings.RATE_LIMIT_EMAIL_PER_HOUR,
      confirmationsPerDay: settings.RATE_LIMIT_CONFIRMATIONS_PER_DAY,
    },
    pageLanguage,
  });
  if (result.created) wakeWorker();
  return NextResponse.json({ id: result.id, status: result.status }, { status: 202 });
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
