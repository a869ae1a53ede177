/** An owner revokes a key: from the next request on it answers 401. The row stays, for the list and the audit. */
import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { partnerApiKeys } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";

export async function revokeApiKey(db: TDb, options: { partnerCode: string; id: string; actor: string; now?: Date }): Promise<{ id: string; revokedAt: string }> {
  return db.transaction(async (tx) => {
    const now = options.now ?? new Date();
    const [row] = await tx
      .update(partnerApiKeys)
      .set({ revokedAt: now })
      .where(and(eq(partnerApiKeys.id, options.id), eq(partnerApiKeys.partnerCode, options.partnerCode), isNull(partnerApiKeys.revokedAt)))
      .returning();
    if (!row) {
      const [existing] = await tx
        .select({ revokedAt: partnerApiKeys.revokedAt })
        .from(partnerApiKeys)
        .where(and(eq(partnerApiKeys.id, options.id), eq(partnerApiKeys.partnerCode, options.partnerCode)));
      if (existing?.revokedAt) return { id: options.id, revokedAt: existing.revokedAt.toISOString() };
      throw new AppError("NOT_FOUND", "This partner has no such key.", [{ path: "id", code: "notFound", message: "no such key" }]);
    }
    await recordAudit(tx, { actor: options.actor, action: "revoke", entity: "partner-api-key", key: row.id, detail: { partner: row.partnerCode, name: row.name, prefix: row.prefix } });
    return { id: row.id, revokedAt: now.toISOString() };
  });
}
