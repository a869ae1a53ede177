/** A partner's keys for the admin: name, prefix, when made and by whom, last used, revoked. Never the key. */
import "server-only";
import { desc, eq } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { partnerApiKeys } from "@/lib/db/schema";

export type TApiKeyListItem = { id: string; name: string; prefix: string; createdAt: string; createdBy: string; lastUsedAt: string | null; revokedAt: string | null };

export async function listApiKeys(db: TDb, partnerCode: string): Promise<TApiKeyListItem[]> {
  const rows = await db.select().from(partnerApiKeys).where(eq(partnerApiKeys.partnerCode, partnerCode)).orderBy(desc(partnerApiKeys.createdAt));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.createdAt.toISOString(),
    createdBy: r.createdBy,
    lastUsedAt: r.lastUsedAt?.toISOString() ?? null,
    revokedAt: r.revokedAt?.toISOString() ?? null,
  }));
}
