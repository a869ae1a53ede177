import type { z } from "zod";
import type { ZBotChallenge } from "@/lib/schemas/api-responses";
import { NextResponse } from "next/server";
import { createBotChallenge } from "@/lib/bot-check/create-bot-challenge";
import { methodNotAllowed, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * A proof-of-work challenge for one submission (ALTCHA v2, SHA-256): solve it and send `{challenge, solution}` as
 * the `botCheck` field of POST /api/v1/actions. Each solution is accepted once. Never cached: every answer is new.
 */
export const GET = route({}, async () => {
  const challenge = await createBotChallenge();
  return NextResponse.json(challenge satisfies z.input<typeof ZBotChallenge>, { headers: { "cache-control": "no-store" } });
});

const refuse = methodNotAllowed("GET");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
