/** An owner makes an API key for a partner: the key is answered once, here, and only its hash is kept. */
import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { partnerApiKeys, partners } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { newApiKey } from "./api-key";

export type TCreatedApiKey = { id: string; name: string; prefix: string; key: string; createdAt: string };

export async function createApiKey(db: TDb, options: { partnerCode: string; name: string; actor: string; now?: Date }): Promise<TCreatedApiKey> {
  return db.transaction(async (tx) => {
    const [partner] = await tx.select({ code: partners.code }).from(partners).where(eq(partners.code, options.partnerCode));
    if (!partner) throw new AppError("NOT_FOUND", "There is no partner with this code.", [{ path: "code", code: "notFound", message: "no such partner" }]);
    const made = newApiKey();
    const [row] = await tx
      .insert(partnerApiKeys)
      .values({ partnerCode: partner.code, name: options.name, prefix: made.prefix, keyHash: made.hash, createdBy: options.actor, createdAt: options.now ?? new Date() })
      .returning();
    // The audit line names the key by its id and prefix, never the key.
    await recordAudit(tx, { actor: options.actor, action: "create", entity: "partner-api-key", key: row!.id, detail: { partner: partner.code, name: options.name, prefix: made.prefix } });
    return { id: row!.id, name: row!.name, prefix: row!.prefix, key: made.key, createdAt: row!.createdAt.toISOString() };
  });
}
