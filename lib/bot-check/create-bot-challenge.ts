import "server-only";
import { createChallenge, randomInt, type Challenge } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { env } from "@/lib/env";
import { botCheckSecret } from "./secret";

/** How long a challenge may be solved and sent: the composer asks for a new one when its own is near the end. */
export const CHALLENGE_TTL_MS = 60 * 60 * 1000;

/**
 * A proof-of-work challenge (ALTCHA v2, no third party): the server picks a number of SHA-256 rounds between half of
 * BOT_CHECK_DIFFICULTY and all of it and signs what the result must start with; the composer finds it by counting
 * up, in the background while the supporter writes. Checking a solution is one HMAC (the derived key is signed
 * too), so refusing a flood costs the server nothing like what sending it costs the flooder.
 */
export async function createBotChallenge(now = new Date()): Promise<Challenge> {
  const difficulty = env().BOT_CHECK_DIFFICULTY;
  return createChallenge({
    algorithm: "SHA-256",
    cost: 1,
    counter: randomInt(difficulty, Math.ceil(difficulty / 2)),
    deriveKey,
    expiresAt: new Date(now.getTime() + CHALLENGE_TTL_MS),
    hmacSignatureSecret: botCheckSecret("challenge"),
    hmacKeySignatureSecret: botCheckSecret("key"),
  });
}
