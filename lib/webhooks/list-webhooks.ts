/** A partner's endpoints and their latest deliveries, for the admin's page (never a secret). */
import "server-only";
import { desc, eq, inArray } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { webhookDeliveries, webhookEndpoints, type TWebhookEvent } from "@/lib/db/schema";

export type TEndpointListItem = { id: string; url: string; events: TWebhookEvent[]; active: boolean; createdAt: string; createdBy: string };
export type TDeliveryListItem = {
  id: string;
  endpointId: string;
  url: string;
  eventType: string;
  createdAt: string;
  attempts: number;
  state: "delivered" | "retrying" | "failed" | "sending";
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveredAt: string | null;
};

export async function listWebhooks(db: TDb, partnerCode: string, limit = 50): Promise<{ endpoints: TEndpointListItem[]; deliveries: TDeliveryListItem[] }> {
  const endpoints = await db.select().from(webhookEndpoints).where(eq(webhookEndpoints.partnerCode, partnerCode)).orderBy(desc(webhookEndpoints.createdAt));
  const ids = endpoints.map((e) => e.id);
  const urls = new Map(endpoints.map((e) => [e.id, e.url]));
  const deliveries = ids.length === 0 ? [] : await db.select().from(webhookDeliveries).where(inArray(webhookDeliveries.endpointId, ids)).orderBy(desc(webhookDeliveries.createdAt)).limit(limit);
  return {
    endpoints: endpoints.map((e) => ({ id: e.id, url: e.url, events: e.events, active: e.active, createdAt: e.createdAt.toISOString(), createdBy: e.createdBy })),
    deliveries: deliveries.map((d) => ({
      id: d.id,
      endpointId: d.endpointId,
      url: urls.get(d.endpointId) ?? "",
      eventType: d.eventType,
      createdAt: d.createdAt.toISOString(),
      attempts: d.attempts,
      state: d.deliveredAt ? "delivered" : d.failedAt ? "failed" : d.attempts === 0 ? "sending" : "retrying",
      lastStatus: d.lastStatus,
      lastError: d.lastError,
      nextAttemptAt: d.nextAttemptAt?.toISOString() ?? null,
      deliveredAt: d.deliveredAt?.toISOString() ?? null,
    })),
  };
}
