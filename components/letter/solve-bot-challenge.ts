/**
 * Solves a bot-check challenge in the browser (Web Crypto's SHA-256). Loaded on its own, after the composer: it is
 * never part of the case page's first load.
 */
import { solveChallenge, type Challenge, type Solution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/web/sha";

/** The longest a solve may take before the composer gives up on it and says sending failed (a very slow device). */
const SOLVE_TIMEOUT_MS = 60_000;

export async function solveBotChallenge(challenge: Challenge): Promise<Solution | null> {
  return solveChallenge({ challenge, deriveKey, timeout: SOLVE_TIMEOUT_MS });
}
