/**
 * While no campaigner exists, a one-time setup token (24 hours) for `/admin/setup/<token>`, printed by the start next
 * to the site's address. Each start makes a new one and voids the older ones; only a hash is stored.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { TDb } from "@/lib/db/open";
import { campaigners, setupTokens } from "@/lib/db/schema";

export const SETUP_HOURS = 24;

export const hashSetupToken = (token: string) => createHash("sha256").update(token).digest("hex");

export async function issueSetupToken(db: TDb, now = new Date()): Promise<string | undefined> {
  const [anyone] = await db.select({ id: campaigners.id }).from(campaigners).limit(1);
  if (anyone) return undefined;
  const token = randomBytes(24).toString("base64url");
  await db.transaction(async (tx) => {
    await tx.delete(setupTokens);
    await tx.insert(setupTokens).values({ tokenHash: hashSetupToken(token), expiresAt: new Date(now.getTime() + SETUP_HOURS * 3600_000) });
  });
  return token;
}
