import "server-only";
import { verifySolution } from "altcha-lib";
import { deriveKey } from "altcha-lib/algorithms/sha";
import { z } from "zod";
import { botCheckRefused } from "./bot-check-refused";
import { botCheckSecret } from "./secret";

const hex = (max: number) => z.string().regex(/^[0-9a-f]+$/).max(max);

/** The `botCheck` field of POST /api/v1/actions: the challenge as GET /api/v1/bot-check gave it, and its solution. */
export const ZBotProof = z.object({
  challenge: z.object({
    parameters: z.object({
      algorithm: z.literal("SHA-256"),
      nonce: hex(64),
      salt: hex(64),
      cost: z.number().int().min(1).max(1000),
      keyLength: z.number().int().min(1).max(64),
      keyPrefix: hex(128),
      keySignature: hex(128),
      expiresAt: z.number().int().positive(),
    }),
    signature: hex(128),
  }),
  solution: z.object({ counter: z.number().int().min(0).max(0xffffffff), derivedKey: hex(128), time: z.number().optional() }),
});
export type TBotProof = z.infer<typeof ZBotProof>;

/** A proof that passed: what to record so it cannot pass twice (lib/actions/submit-action.ts spends it). */
export type TSpendableProof = { key: string; expiresAt: Date };

/**
 * Checks a submission's proof of work: well-formed, signed by this site, not expired, solved. Answers what to record
 * against replay; throws a 422 problem at `botCheck` otherwise. Replay itself is refused where the proof is spent,
 * in the same statement that writes the action, so two instances cannot both accept one proof.
 */
export async function verifyBotProof(value: unknown): Promise<TSpendableProof> {
  if (value === undefined || value === null) throw botCheckRefused("botCheck.missing", "a solved challenge from GET /api/v1/bot-check is required");
  const parsed = ZBotProof.safeParse(value);
  if (!parsed.success) throw botCheckRefused("botCheck.invalid", "not a challenge and solution as GET /api/v1/bot-check describes");
  const { challenge, solution } = parsed.data;
  const result = await verifySolution({
    challenge,
    solution,
    deriveKey,
    hmacSignatureSecret: botCheckSecret("challenge"),
    hmacKeySignatureSecret: botCheckSecret("key"),
  });
  if (result.expired) throw botCheckRefused("botCheck.expired", "the challenge has expired");
  if (!result.verified) throw botCheckRefused("botCheck.invalid", "the challenge was not issued here, or the solution is wrong");
  return { key: `pow:${challenge.signature}`, expiresAt: new Date(challenge.parameters.expiresAt * 1000) };
}
