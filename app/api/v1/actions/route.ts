import { eq } from "drizzle-orm";
import { NextResponse } from "next/server";
import { sendConfirmation } from "@/lib/actions/send-confirmation";
import { submitAction } from "@/lib/actions/submit-action";
import { hashIp } from "@/lib/actions/tokens";
import { db } from "@/lib/db/client";
import { actions } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { withProblems } from "@/lib/http/problem";
import { readJson } from "@/lib/http/read-json";
import { getLanguage } from "@/lib/i18n/server";
import { ZIdempotencyKey } from "@/lib/schemas/action-input";

export const dynamic = "force-dynamic";

/** A supporter's submission: 202 {id, status}. The same Idempotency-Key answers the same and creates nothing new. */
export async function POST(request: Request) {
  return withProblems(async () => {
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
    const ip = request.headers.get("x-forwarded-for")?.split(",")[0]?.trim() || request.headers.get("x-real-ip") || "unknown";
    const database = await db();
    const settings = env();
    const result = await submitAction(database, body, {
      idempotencyKey,
      ipHash: hashIp(ip, settings.IP_HASH_SALT),
      now: new Date(),
      rateLimits: { perIpPerHour: settings.RATE_LIMIT_IP_PER_HOUR, perEmailPerHour: settings.RATE_LIMIT_EMAIL_PER_HOUR },
    });
    if (result.created && result.confirmToken && result.input) {
      try {
        await sendConfirmation(result, result.input.supporter, result.input.language ?? (await getLanguage()));
      } catch (error) {
        // Without the email the supporter could never confirm: undo the action, so a retry starts clean.
        console.error(error);
        await database.delete(actions).where(eq(actions.id, result.id));
        throw new AppError("UNAVAILABLE", "We could not send the confirmation email just now. Nothing was saved; please try again in a moment.");
      }
    }
    return NextResponse.json({ id: result.id, status: result.status }, { status: 202 });
  });
}
