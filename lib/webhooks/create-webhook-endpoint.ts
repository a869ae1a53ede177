/** An owner adds a receiver for a partner: its URL is checked (https, public address), its secret answered once. */
import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { partners, webhookEndpoints, type TWebhookEvent } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { checkWebhookUrl } from "./check-webhook-url";
import { newWebhookSecret, sealSecret } from "./endpoint-secret";

export type TCreatedEndpoint = { id: string; url: string; events: TWebhookEvent[]; secret: string };

export async function createWebhookEndpoint(
  db: TDb,
  options: { partnerCode: string; url: string; events: TWebhookEvent[]; actor: string; allowPrivate: boolean },
): Promise<TCreatedEndpoint> {
  const url = await checkWebhookUrl(options.url, options.allowPrivate);
  const secret = newWebhookSecret();
  const sealed = await sealSecret(db, secret);
  const events = [...new Set(options.events)];
  return db.transaction(async (tx) => {
    const [partner] = await tx.select({ code: partners.code }).from(partners).where(eq(partners.code, options.partnerCode));
    if (!partner) throw new AppError("NOT_FOUND", "There is no partner with this code.", [{ path: "code", code: "notFound", message: "no such partner" }]);
    const [row] = await tx.insert(webhookEndpoints).values({ partnerCode: partner.code, url: url.toString(), secret: sealed, events, createdBy: options.actor }).returning();
    await recordAudit(tx, { actor: options.actor, action: "create", entity: "webhook-endpoint", key: row!.id, detail: { partner: partner.code, url: row!.url, events } });
    return { id: row!.id, url: row!.url, events, secret };
  });
}
