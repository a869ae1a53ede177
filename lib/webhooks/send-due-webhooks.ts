/**
 * The worker's webhook pass: claims the deliveries that are due, signs each per the Standard Webhooks spec
 * (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<HMAC-SHA256>` with the endpoint's secret, through the
 * `standardwebhooks` package) and POSTs it. A 2xx answer delivers it. Anything else (an error status, no answer in
 * time, a refused connection) is tried again with the letters' back-off (lib/delivery/backoff.ts: 5 min growing by
 * 1.3 each time) until 24 hours of waiting are behind it; then it is given up (failedAt), and an owner can still
 * redeliver it from the admin. Safe with several workers: claims are `for update skip locked` with a lock time.
 */
import "server-only";
import http from "node:http";
import https from "node:https";
import { and, eq, sql } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import type { TDb } from "@/lib/db/open";
import { webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import { nextRetry } from "@/lib/delivery/backoff";
import { openSecret } from "./endpoint-secret";
import { safeLookup } from "./check-webhook-url";

const LOCK_MS = 2 * 60_000;
export const WEBHOOK_TIMEOUT_MS = 10_000;
/** What is kept of a receiver's answer, for the delivery log. */
const REPLY_KEPT = 300;

export type TWebhookCounts = { delivered: number; retried: number; failed: number };

type TClaimed = { id: string; endpoint_id: string; payload: Record<string, unknown>; attempts: number };

export async function sendDueWebhooks(options: {
  db: TDb;
  /** The queue's clock: what is due, and when to try again. */
  now: () => Date;
  /** The signature's time (`webhook-timestamp`): the real time of the send, which receivers check against theirs. */
  signedAt?: () => Date;
  allowPrivate: boolean;
  limit?: number;
  timeoutMs?: number;
}): Promise<TWebhookCounts> {
  const { db } = options;
  const now = options.now();
  const claimed = (await db.execute(sql`
    update ${webhookDeliveries} set locked_until = ${new Date(now.getTime() + LOCK_MS)}
    where id = any(array(
      select id from ${webhookDeliveries}
      where next_attempt_at <= ${now} and (locked_until is null or locked_until < ${now})
      order by next_attempt_at limit ${options.limit ?? 20}
      for update skip locked))
    returning id, endpoint_id, payload, attempts`)) as unknown as { rows: TClaimed[] };
  const counts: TWebhookCounts = { delivered: 0, retried: 0, failed: 0 };
  // Sent side by side: one slow receiver must not hold the others (nor the letters' pass) for its whole time-out each.
  await Promise.all(
    claimed.rows.map(async (row) => {
      const outcome = await attempt(db, row, options);
      const at = options.now();
      if (outcome.ok) {
        await db
          .update(webhookDeliveries)
          .set({ attempts: sql`${webhookDeliveries.attempts} + 1`, lastStatus: outcome.status, lastError: null, deliveredAt: at, nextAttemptAt: null, lockedUntil: null })
          .where(eq(webhookDeliveries.id, row.id));
        counts.delivered += 1;
        return;
      }
      const retry = nextRetry(row.attempts, at);
      await db
        .update(webhookDeliveries)
        .set({
          attempts: sql`${webhookDeliveries.attempts} + 1`,
          lastStatus: outcome.status ?? null,
          lastError: outcome.error,
          nextAttemptAt: retry.retry ? retry.at : null,
          failedAt: retry.retry ? null : at,
          lockedUntil: null,
        })
        .where(eq(webhookDeliveries.id, row.id));
      if (retry.retry) counts.retried += 1;
      else counts.failed += 1;
    }),
  );
  return counts;
}

type TOutcome = { ok: true; status: number } | { ok: false; status?: number; error: string };

async function attempt(db: TDb, row: TClaimed, options: { signedAt?: () => Date; allowPrivate: boolean; timeoutMs?: number }): Promise<TOutcome> {
  const [endpoint] = await db.select().from(webhookEndpoints).where(and(eq(webhookEndpoints.id, row.endpoint_id)));
  if (!endpoint) return { ok: false, error: "the endpoint was deleted" };
  if (!endpoint.active) return { ok: false, error: "the endpoint is turned off" };
  let secret: string;
  try {
    secret = await openSecret(db, endpoint.secret);
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
  const body = JSON.stringify(row.payload);
  const id = webhookMessageId(row.id);
  const signedAt = (options.signedAt ?? (() => new Date()))();
  const headers = {
    "content-type": "application/json",
    "user-agent": "UrgentLetters-Webhooks/1",
    "webhook-id": id,
    "webhook-timestamp": String(Math.floor(signedAt.getTime() / 1000)),
    "webhook-signature": new Webhook(secret).sign(id, signedAt, body),
  };
  return post(endpoint.url, headers, body, options.allowPrivate, options.timeoutMs ?? WEBHOOK_TIMEOUT_MS);
}

/** The `webhook-id` of a delivery: the same on every try and on a redelivery, so a receiver can drop duplicates. */
export function webhookMessageId(deliveryId: string): string {
  return `msg_${deliveryId.replaceAll("-", "")}`;
}

/** One POST with node's http(s), through the address check at connection time; redirects are not followed. */
function post(target: string, headers: Record<string, string>, body: string, allowPrivate: boolean, timeoutMs: number): Promise<TOutcome> {
  return new Promise((resolve) => {
    let url: URL;
    try {
      url = new URL(target);
    } catch {
      return resolve({ ok: false, error: "the endpoint's URL is not valid" });
    }
    if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) return resolve({ ok: false, error: "the endpoint's URL is not https" });
    const client = url.protocol === "https:" ? https : http;
    const request = client.request(
      url,
      { method: "POST", headers: { ...headers, "content-length": String(Buffer.byteLength(body)) }, lookup: safeLookup(allowPrivate), timeout: timeoutMs },
      (response) => {
        let reply = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => {
          if (reply.length < REPLY_KEPT) reply += chunk;
        });
        response.on("end", () => {
          const status = response.statusCode ?? 0;
          if (status >= 200 && status < 300) resolve({ ok: true, status });
          else resolve({ ok: false, status, error: `HTTP ${status}${reply ? `: ${reply.slice(0, REPLY_KEPT)}` : ""}` });
        });
        response.on("error", (error) => resolve({ ok: false, status: response.statusCode, error: error.message }));
      },
    );
    request.on("timeout", () => request.destroy(new Error(`no answer within ${timeoutMs / 1000} s`)));
    request.on("error", (error) => resolve({ ok: false, error: error.message }));
    request.end(body);
  });
}
