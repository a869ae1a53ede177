/**
 * The setup link's opener becomes the owner: the token must be unused and unexpired, and nobody may be a campaigner
 * yet (a second opener, or one after ADMIN_EMAIL made the owner, is refused). Returns the new owner's id.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { campaigners, setupTokens } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { hashSetupToken } from "./issue-setup-link";

export async function claimSetup(db: TDb, token: string, who: { email: string; name: string }, now = new Date()): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(setupTokens)
      .set({ usedAt: now })
      .where(and(eq(setupTokens.tokenHash, hashSetupToken(token)), isNull(setupTokens.usedAt), gt(setupTokens.expiresAt, now)))
      .returning();
    if (!row) throw new AppError("NOT_FOUND", "This setup link has been used or has expired. Restart the app to print a new one.");
    const [anyone] = await tx.select({ id: campaigners.id }).from(campaigners).limit(1);
    if (anyone) throw new AppError("CONFLICT", "The admin has an owner already: ask them to invite you.");
    const id = randomUUID();
    await tx.insert(campaigners).values({ id, email: who.email.toLowerCase(), name: who.name, role: "owner" });
    await recordAudit(tx, { actor: who.email.toLowerCase(), action: "setup", entity: "campaigner", key: id, detail: { role: "owner" } });
    return id;
  });
}
