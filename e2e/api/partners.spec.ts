/**
 * The partner API and webhooks against the running app, on Postgres (an instance of its own, on a scratch database,
 * so the test can write a fictional partner, its key and its endpoint straight into the database the app reads, and
 * drive the webhook queue's clock). The app's own worker sends the mail and the first try of each webhook; the
 * receiver is a real HTTP server that verifies each signature with docs/partners.md's own code.
 */
import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { and, eq, like } from "drizzle-orm";
import { simpleParser } from "mailparser";
import type { TDatabase } from "@/lib/db/open";
import { actions, capturedMail, partnerConsents, webhookDeliveries } from "@/lib/db/schema";
import { createApiKey } from "@/lib/partners/create-api-key";
import { revokeApiKey } from "@/lib/partners/revoke-api-key";
import { ZPartnerStats, WEBHOOK_PAYLOADS } from "@/lib/schemas/partner-api";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { sendDueWebhooks } from "@/lib/webhooks/send-due-webhooks";
import { opsPort, type TAppProcess } from "@/test/app-process";
import { startReceiver, type TReceiver } from "@/test/webhooks/receiver";
import { startPartnerApp, type TPartnerApp } from "../fixtures/partner-app";
import { importDocExample, writeDocExamples } from "../fixtures/partners-doc";

const run = promisify(execFile);
const PARTNER = "fictional-api-partner";
const KEY_LIMIT = 6;

test.describe.configure({ mode: "serial" });

let started: TPartnerApp;
let app: TAppProcess;
let database: TDatabase;
let receiver: TReceiver;
let key: string;
let examples: Record<string, string>;

test.beforeAll(async () => {
  test.setTimeout(240_000);
  started = await startPartnerApp(1, PARTNER, {
    // The receiver is on this machine.
    WEBHOOK_ALLOW_PRIVATE_URLS: "true",
    RATE_LIMIT_PARTNER_KEY_PER_MINUTE: String(KEY_LIMIT),
  });
  ({ app, database } = started);
  key = (await createApiKey(database.db, { partnerCode: PARTNER, name: "e2e server", actor: "owner@e2e.example.org" })).key;
  examples = writeDocExamples("send-action.sh", "read-stats.sh", "verify-webhook.mjs", "receiver.mjs");
  const endpoint = await createWebhookEndpoint(database.db, {
    partnerCode: PARTNER,
    url: `http://127.0.0.1:${opsPort(5)}/hooks`,
    events: ["action.confirmed", "letter.sent"],
    actor: "owner@e2e.example.org",
    allowPrivate: true,
  });
  // docs/partners.md's verifyWebhook, with the endpoint's secret as the doc says to give it.
  process.env.URGENT_LETTERS_WEBHOOK_SECRET = endpoint.secret;
  const { verifyWebhook } = await importDocExample<{ verifyWebhook: (body: string, headers: Record<string, string>) => unknown }>(examples["verify-webhook.mjs"]!);
  receiver = await startReceiver(opsPort(5), verifyWebhook);
});

test.afterAll(async () => {
  await receiver?.close();
  await started?.stop();
});

/** docs/partners.md's curl example, run by bash with its variables set. */
async function docCurl(name: string, vars: Record<string, string>): Promise<{ status: number; json: Record<string, unknown> }> {
  // -w appends the status on a line of its own; the doc's command is run as written.
  const { stdout } = await run("bash", ["-c", `${fs.readFileSync(examples[name]!, "utf8").trim()} -w '\\n%{http_code}'`], {
    env: { ...process.env, URGENT_LETTERS_URL: app.url, URGENT_LETTERS_KEY: key, ...vars },
  });
  const lines = stdout.trimEnd().split("\n");
  const status = Number(lines.pop());
  return { status, json: JSON.parse(lines.join("\n")) as Record<string, unknown> };
}

async function confirmationLinkFor(email: string): Promise<string> {
  let raw: string | undefined;
  await expect
    .poll(async () => {
      const [mail] = await database.db.select().from(capturedMail).where(and(like(capturedMail.to, `%${email}%`), eq(capturedMail.kind, "confirmation")));
      raw = mail?.raw;
      return Boolean(raw);
    }, { timeout: 30_000 })
    .toBe(true);
  const text = (await simpleParser(raw!)).text ?? "";
  return /https?:\/\/\S+\/confirm\/[A-Za-z0-9_-]+/.exec(text)![0];
}

test("[API] a partner's API key sends an action attributed to its partner, and the supporter still confirms by email", async () => {
  const email = `api.partner.${Date.now()}@example.org`;
  const sent = await docCurl("send-action.sh", { SUBMISSION_ID: `e2e-${Date.now()}`, SUPPORTER_NAME: "Fictional Partner Supporter", SUPPORTER_EMAIL: email });
  expect(sent.status).toBe(202);
  expect(sent.json.status).toBe("awaiting-confirmation");
  const [row] = await database.db.select().from(actions).where(eq(actions.id, String(sent.json.id)));
  expect(row!.partner).toBe(PARTNER);
  // A partner's server is limited per key, not per IP: no IP hash is kept for its actions.
  expect(row!.ipHash).toBeNull();
  const [consent] = await database.db.select().from(partnerConsents).where(eq(partnerConsents.actionId, row!.id));
  expect(consent).toMatchObject({ partnerCode: PARTNER, wording: "Example Partner may contact me about this campaign.", language: "en" });
  // The supporter still gets the confirmation email, from the app's own worker.
  expect(await confirmationLinkFor(email)).toContain("/confirm/");
});

test("[API] a revoked key gets 401, a key from a browser 403, and a preflight for a key gets no CORS", async () => {
  const doomed = await createApiKey(database.db, { partnerCode: PARTNER, name: "doomed", actor: "owner@e2e.example.org" });
  const stats = (k: string, headers: Record<string, string> = {}) => fetch(`${app.url}/api/v1/partners/me/stats`, { headers: { authorization: `Bearer ${k}`, ...headers } });
  expect((await stats(doomed.key)).status).toBe(200);
  await revokeApiKey(database.db, { partnerCode: PARTNER, id: doomed.id, actor: "owner@e2e.example.org" });
  for (const response of [await stats(doomed.key), await fetch(`${app.url}/api/v1/actions`, { method: "POST", headers: { authorization: `Bearer ${doomed.key}`, "content-type": "application/json" }, body: "{}" })]) {
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(((await response.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe("auth.invalidKey");
  }
  const fromPage = await stats(key, { origin: "https://partner.example.org" });
  expect(fromPage.status).toBe(403);
  expect(((await fromPage.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe("auth.browserOrigin");
  // A browser asks before sending Authorization cross-site; the app never says yes.
  for (const path of ["/api/v1/actions", "/api/v1/partners/me/stats"]) {
    const preflight = await fetch(`${app.url}${path}`, {
      method: "OPTIONS",
      headers: { origin: "https://partner.example.org", "access-control-request-method": "POST", "access-control-request-headers": "authorization, content-type" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    expect(preflight.headers.get("access-control-allow-headers")).toBeNull();
  }
});

test("[API] a key's rate limit answers 429 with Retry-After, and its numbers are its own", async () => {
  const limited = (await createApiKey(database.db, { partnerCode: PARTNER, name: "limited", actor: "owner@e2e.example.org" })).key;
  const statuses: number[] = [];
  let last: Response | undefined;
  for (let i = 0; i <= KEY_LIMIT; i++) {
    last = await fetch(`${app.url}/api/v1/partners/me/stats`, { headers: { authorization: `Bearer ${limited}` } });
    statuses.push(last.status);
    if (last.status === 200 && i === 0) {
      const stats = ZPartnerStats.parse(await last.json());
      expect(stats.partner).toBe(PARTNER);
      expect(stats.totals.actions).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(stats)).not.toContain("@example.org");
    }
  }
  expect(statuses).toEqual([...Array.from({ length: KEY_LIMIT }, () => 200), 429]);
  const retryAfter = Number(last!.headers.get("retry-after"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(((await last!.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe("rateLimit.partnerKey");
  // Another key of the same partner has its own allowance; the doc's stats example uses it.
  const stats = await docCurl("read-stats.sh", {});
  expect(stats.status).toBe(200);
  expect(ZPartnerStats.safeParse(stats.json).success).toBe(true);
});

test("[API] a webhook receiver verifies the signatures of action.confirmed and letter.sent, and a failing receiver gets retries", async () => {
  test.setTimeout(120_000);
  const email = `api.hooks.${Date.now()}@example.org`;
  const sent = await docCurl("send-action.sh", { SUBMISSION_ID: `e2e-hooks-${Date.now()}`, SUPPORTER_NAME: "Fictional Hooked Supporter", SUPPORTER_EMAIL: email });
  expect(sent.status).toBe(202);
  const link = await confirmationLinkFor(email);
  // The supporter presses the confirmation page's button (a form POST).
  const confirmed = await fetch(`${link.replace(/^https?:\/\/[^/]+/, app.url)}/send`, { method: "POST", redirect: "manual" });
  expect(confirmed.status).toBe(303);
  // The app's worker sends action.confirmed, then the letter, then letter.sent.
  await expect.poll(() => receiver.received.map((r) => r.type).sort().join(","), { timeout: 60_000 }).toBe("action.confirmed,letter.sent");
  for (const r of receiver.received) {
    expect(r.verified, r.error).toBe(true);
    expect(WEBHOOK_PAYLOADS[r.type as "action.confirmed" | "letter.sent"].safeParse(r.payload).success).toBe(true);
  }
  // The supporter ticked the partner's consent: their name and email are in the payloads.
  const action = receiver.received.find((r) => r.type === "action.confirmed")!.payload.data as { action: { id: string; supporter?: { email: string } } };
  expect(action.action).toMatchObject({ id: sent.json.id, supporter: { email } });

  // Now a receiver that fails twice: the app's worker tries once, the test moves the queue's clock for the retries.
  receiver.received.length = 0;
  receiver.answerWith([500, 500]);
  const second = await docCurl("send-action.sh", { SUBMISSION_ID: `e2e-retry-${Date.now()}`, SUPPORTER_NAME: "Fictional Retried Supporter", SUPPORTER_EMAIL: `api.retry.${Date.now()}@example.org` });
  const secondEmail = (await database.db.select().from(actions).where(eq(actions.id, String(second.json.id))))[0]!.supporterEmail!;
  await fetch(`${(await confirmationLinkFor(secondEmail)).replace(/^https?:\/\/[^/]+/, app.url)}/send`, { method: "POST", redirect: "manual" });
  await expect.poll(() => receiver.received.filter((r) => r.type === "action.confirmed").length, { timeout: 30_000 }).toBe(1);
  const retried = async () => (await database.db.select().from(webhookDeliveries).where(eq(webhookDeliveries.eventType, "action.confirmed"))).find((d) => JSON.stringify(d.payload).includes(String(second.json.id)))!;
  await expect.poll(async () => (await retried()).attempts).toBe(1);
  let row = await retried();
  expect([row.lastStatus, row.deliveredAt]).toEqual([500, null]);
  for (const expected of [500, 200]) {
    const due = row.nextAttemptAt!;
    await sendDueWebhooks({ db: database.db, now: () => due, allowPrivate: true });
    row = await retried();
    expect(row.lastStatus).toBe(expected);
  }
  expect(row.attempts).toBe(3);
  expect(row.deliveredAt).not.toBeNull();
  const tries = receiver.received.filter((r) => r.type === "action.confirmed");
  expect(tries.map((r) => [r.answered, r.verified])).toEqual([[500, true], [500, true], [200, true]]);
  expect(new Set(tries.map((r) => r.id)).size).toBe(1);
});

test("[API] the doc's receiver example starts and refuses an unsigned request", async () => {
  const port = opsPort(6);
  const child = spawn(process.execPath, [examples["receiver.mjs"]!], { env: { ...process.env, NODE_OPTIONS: "", PORT: String(port), URGENT_LETTERS_WEBHOOK_SECRET: process.env.URGENT_LETTERS_WEBHOOK_SECRET }, stdio: "ignore" });
  try {
    let answer: Response | undefined;
    await expect
      .poll(async () => {
        answer = await fetch(`http://127.0.0.1:${port}/`, { method: "POST", body: "{}", headers: { "webhook-id": "msg_x", "webhook-timestamp": String(Math.floor(Date.now() / 1000)), "webhook-signature": "v1,AAAA" } }).catch(() => undefined);
        return answer?.status;
      })
      .toBe(400);
  } finally {
    child.kill();
  }
});
