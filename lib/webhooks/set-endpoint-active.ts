/** An owner turns an endpoint off (nothing more is written or sent to it) or on again. */
import "server-only";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { webhookEndpoints } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";

export async function setEndpointActive(db: TDb, options: { partnerCode: string; id: string; active: boolean; actor: string }): Promise<{ id: string; active: boolean }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(webhookEndpoints)
      .set({ active: options.active, updatedAt: new Date() })
      .where(and(eq(webhookEndpoints.id, options.id), eq(webhookEndpoints.partnerCode, options.partnerCode)))
      .returning();
    if (!row) throw new AppError("NOT_FOUND", "This partner has no such endpoint.", [{ path: "id", code: "notFound", message: "no such endpoint" }]);
    await recordAudit(tx, { actor: options.actor, action: options.active ? "enable" : "disable", entity: "webhook-endpoint", key: row.id, detail: { partner: row.partnerCode, url: row.url } });
    return { id: row.id, active: row.active };
  });
}
