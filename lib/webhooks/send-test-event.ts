/** "Send test event": a `test` event to one endpoint, through the same queue, signing and log as the real ones. */
import "server-only";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";

export async function sendTestEvent(db: TDb, options: { partnerCode: string; endpointId: string; actor: string; now?: Date }): Promise<{ id: string }> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const [endpoint] = await tx
      .select({ id: webhookEndpoints.id, url: webhookEndpoints.url })
      .from(webhookEndpoints)
      .where(and(eq(webhookEndpoints.id, options.endpointId), eq(webhookEndpoints.partnerCode, options.partnerCode)));
    if (!endpoint) throw new AppError("NOT_FOUND", "This partner has no such endpoint.", [{ path: "id", code: "notFound", message: "no such endpoint" }]);
    const payload = { type: "test", timestamp: now.toISOString(), data: { message: "A test event from Urgent Letters: the signature checks out if your receiver verifies it." } };
    const [row] = await tx.insert(webhookDeliveries).values({ endpointId: endpoint.id, eventType: "test", payload, nextAttemptAt: now, createdAt: now }).returning({ id: webhookDeliveries.id });
    await recordAudit(tx, { actor: options.actor, action: "test", entity: "webhook-endpoint", key: endpoint.id, detail: { partner: options.partnerCode, url: endpoint.url } });
    return { id: row!.id };
  });
}
