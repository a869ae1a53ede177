import type { z } from "zod";
import type { ZActionAccepted } from "@/lib/schemas/api-responses";
import { NextResponse } from "next/server";
import { submitAction } from "@/lib/actions/submit-action";
import { getCampaigner } from "@/lib/auth/get-campaigner";
import { verifyBotProof } from "@/lib/bot-check/verify-bot-proof";
import { authenticatePartner } from "@/lib/partners/authenticate-partner";
import { recordPartnerConsent } from "@/lib/partners/record-partner-consent";
import { emitActionConfirmed } from "@/lib/webhooks/emit-event";
import { submissionOptions } from "@/lib/actions/submission-options";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { wakeWorker } from "@/lib/delivery/worker";
import { methodNotAllowed, route } from "@/lib/http/route";
import { readJson } from "@/lib/http/read-json";
import { getLanguage } from "@/lib/i18n/server";
import { ZIdempotencyKey } from "@/lib/schemas/action-input";

export const dynamic = "force-dynamic";

/**
 * A supporter's submission: 202 {id, status}. The same Idempotency-Key answers the same and creates nothing new.
 * The body carries a solved bot check (`botCheck`, from GET /api/v1/bot-check) unless a partner's key sends it
 * (`Authorization: Bearer ul_live_…`): then the action is the partner's, and `partnerConsent` is recorded for it.
 */
export const POST = route({}, async (request) => {
  const received = await readJson(request);
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
  const partner = await authenticatePartner(request.headers);
  // The bot check is not part of the letters: it is taken off the body before the body is read as a submission.
  const split = splitBotCheck(received);
  // A body that is not even an object is refused for that (422 at "(body)") by the submission's schema, which no
  // such body passes: the bot check has nothing to add.
  const proof = partner || !split ? undefined : await verifyBotProof(split.botCheck);
  const body = split ? split.body : received;
  const options = submissionOptions(request.headers, await getLanguage());
  const database = await db();
  const result = await submitAction(database, body, {
    ...options,
    idempotencyKey,
    partner: partner?.code,
    proof,
    // A partner's server sends for many supporters from one address: its key is limited (authenticatePartner), not
    // its IP. The per-mailbox limits still hold, and the supporter still confirms by email.
    ipHash: partner ? undefined : options.ipHash,
    // Asked only for a campaign in test mode, which takes letters from a signed-in campaigner only.
    testSubmitter: async () => (await getCampaigner(request.headers))?.email,
  });
  const consent = result.input?.partnerConsent;
  if (result.created && partner && consent) {
    await recordPartnerConsent(database, { actionId: result.id, partnerCode: partner.code, ...consent, now: options.now });
  }
  // Letters to print or to send from the supporter's own mail app need no email confirmation: such an action is
  // confirmed as it is made, and its partner (by key, or the embed's when known and active) hears so now; an emailed
  // one when its link is followed (lib/actions/confirm-action.ts).
  if (result.created && result.status === "confirmed" && (partner || result.input?.partner)) await emitActionConfirmed(database, result.id, options.now);
  if (result.created) wakeWorker();
  return NextResponse.json({ id: result.id, status: result.status } satisfies z.input<typeof ZActionAccepted>, { status: 202 });
});

function splitBotCheck(received: unknown): { botCheck: unknown; body: unknown } | undefined {
  if (typeof received !== "object" || received === null || Array.isArray(received)) return undefined;
  const { botCheck, ...body } = received as Record<string, unknown>;
  return { botCheck, body };
}

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
