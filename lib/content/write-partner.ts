/** Writes a partner's published doc into the serving table (inside the caller's transaction). */
import "server-only";
import type { TDb } from "@/lib/db/open";
import { partners } from "@/lib/db/schema";
import type { TPartnerDoc } from "./docs";

export async function writePartner(tx: TDb, p: TPartnerDoc, loadedFrom: string | null): Promise<void> {
  const row = {
    code: p.code,
    name: p.name,
    site: p.site,
    allowedOrigins: p.allowedOrigins,
    theme: p.theme ?? null,
    active: p.active ?? true,
    loadedFrom,
  };
  await tx
    .insert(partners)
    .values(row)
    .onConflictDoUpdate({ target: partners.code, set: { ...row, updatedAt: new Date() } });
}
