/**
 * An owner sends a delivery again (after fixing the receiver): the same event, the same `webhook-id` (a receiver that
 * had it already drops it), back in the queue now with a fresh 24 hours of retries.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";

export async function redeliverWebhook(db: TDb, options: { partnerCode: string; id: string; actor: string; now?: Date }): Promise<{ id: string }> {
  const now = options.now ?? new Date();
  return db.transaction(async (tx) => {
    const [delivery] = await tx
      .select({ id: webhookDeliveries.id, eventType: webhookDeliveries.eventType, url: webhookEndpoints.url })
      .from(webhookDeliveries)
      .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
      .where(and(eq(webhookDeliveries.id, options.id), eq(webhookEndpoints.partnerCode, options.partnerCode)));
    if (!delivery) throw new AppError("NOT_FOUND", "This partner has no such delivery.", [{ path: "id", code: "notFound", message: "no such delivery" }]);
    await tx
      .update(webhookDeliveries)
      .set({ attempts: 0, nextAttemptAt: now, lockedUntil: null, deliveredAt: null, failedAt: null, lastError: null, lastStatus: null })
      .where(eq(webhookDeliveries.id, delivery.id));
    await recordAudit(tx, { actor: options.actor, action: "redeliver", entity: "webhook-delivery", key: delivery.id, detail: { partner: options.partnerCode, event: delivery.eventType, url: delivery.url } });
    return { id: delivery.id };
  });
}
