/** Adds a line to the audit log (inside the caller's transaction, so the log and the change stand or fall together). */
import "server-only";
import type { TDb } from "@/lib/db/open";
import { auditLog } from "@/lib/db/schema";

export type TAuditEntry = { actor: string; action: string; entity: string; key?: string | null; detail?: Record<string, unknown> };

export async function recordAudit(tx: TDb, entry: TAuditEntry): Promise<void> {
  await tx.insert(auditLog).values({ actor: entry.actor, action: entry.action, entity: entry.entity, key: entry.key ?? null, detail: entry.detail ?? null });
}
