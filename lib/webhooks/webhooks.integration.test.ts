import path from "node:path";
import { and, eq } from "drizzle-orm";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confirmAction } from "@/lib/actions/confirm-action";
import { issueConfirmationToken } from "@/lib/actions/issue-confirmation-token";
import { submitAction } from "@/lib/actions/submit-action";
import { importContent } from "@/lib/content/import-content";
import type { TDatabase } from "@/lib/db/open";
import { letters, partnerConsents, partners, webhookDeliveries, webhookEndpoints } from "@/lib/db/schema";
import { RETRY_WINDOW_MS } from "@/lib/delivery/backoff";
import { sendDueLetters } from "@/lib/delivery/send-due-letters";
import { AppError } from "@/lib/errors/app-error";
import { createMailTransport } from "@/lib/mail/transport";
import { authenticatePartner } from "@/lib/partners/authenticate-partner";
import { createApiKey } from "@/lib/partners/create-api-key";
import { getPartnerStats } from "@/lib/partners/get-partner-stats";
import { recordPartnerConsent } from "@/lib/partners/record-partner-consent";
import { revokeApiKey } from "@/lib/partners/revoke-api-key";
import { WEBHOOK_PAYLOADS } from "@/lib/schemas/partner-api";
import { loadContent } from "@/lib/templates/load-content";
import { testDatabases } from "@/test/databases";
import { startReceiver, type TReceiver } from "@/test/webhooks/receiver";
import { checkWebhookUrl, isPrivateAddress } from "./check-webhook-url";
import { createWebhookEndpoint } from "./create-webhook-endpoint";
import { emitCampaignEvent, emitLetterBounced } from "./emit-event";
import { openSecret } from "./endpoint-secret";
import { redeliverWebhook } from "./redeliver-webhook";
import { sendDueWebhooks } from "./send-due-webhooks";

// A Monday morning in Ottawa: the officials' office hours.
const NOW = new Date("2026-11-23T15:00:00Z");
const MINUTE = 60_000;
const RECEIVER_PORT = 3355;

let secrets = new Map<string, string>();
let receiver: TReceiver;

beforeAll(async () => {
  // Verifies with the endpoint's secret, found by the URL's path (one endpoint per partner in these tests).
  receiver = await startReceiver(RECEIVER_PORT, (body, headers) => {
    const secret = secrets.get(headers["x-test-endpoint"] ?? "") ?? [...secrets.values()].at(-1)!;
    return new Webhook(secret).verify(body, headers);
  });
});
afterAll(async () => {
  await receiver?.close();
});

async function problemOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected a refusal");
}

describe.each(testDatabases())("partner keys and webhooks on $name", ({ open }) => {
  let database: TDatabase;
  const bearer = (key: string, extra: Record<string, string> = {}) => new Headers({ authorization: `Bearer ${key}`, ...extra });

  beforeAll(async () => {
    database = await open();
    await importContent(database.db, await loadContent(path.join(process.cwd(), "templates")), "import");
    await database.db.insert(partners).values([
      { code: "fictional-partner", name: "Fictional Partner (test)", site: "https://partner.example.org" },
      { code: "other-partner", name: "Other Fictional Partner (test)", site: "https://other.example.org" },
    ]);
    secrets = new Map();
    receiver.answerWith([]);
    receiver.received.length = 0;
  });
  afterAll(async () => {
    await database?.close();
  });

  const submit = (email: string, partner: string | undefined, delivery: "email" | "post" = "email") =>
    submitAction(
      database.db,
      { campaign: "dnc-sekerbayeva-charges", supporter: { name: "Fictional Supporter", email, city: "Ottawa", country: "CA" }, recipients: ["ca-mp-chong"], delivery },
      { now: NOW, partner, pageLanguage: "en" },
    );

  it("answers the partner of a live key, and refuses a wrong, revoked or browser-borne key, and a key over its limit", async () => {
    const made = await createApiKey(database.db, { partnerCode: "fictional-partner", name: "CRM", actor: "owner@example.org" });
    expect(made.key).toMatch(/^ul_live_[A-Za-z0-9_-]{43}$/);
    expect(made.key.startsWith(made.prefix)).toBe(true);
    expect(await authenticatePartner(new Headers(), { db: database.db })).toBeUndefined();
    expect(await authenticatePartner(bearer(made.key), { db: database.db, now: NOW })).toEqual({ code: "fictional-partner", keyId: made.id });

    const wrong = await problemOf(authenticatePartner(bearer(`${made.key.slice(0, -1)}x`), { db: database.db }));
    expect([wrong.status, wrong.errors[0]?.code]).toEqual([401, "auth.invalidKey"]);
    const basic = await problemOf(authenticatePartner(new Headers({ authorization: "Basic dXNlcjpwYXNz" }), { db: database.db }));
    expect(basic.status).toBe(401);
    const browser = await problemOf(authenticatePartner(bearer(made.key, { origin: "https://partner.example.org" }), { db: database.db }));
    expect([browser.status, browser.errors[0]?.code]).toEqual([403, "auth.browserOrigin"]);

    // Three a minute: the fourth is refused with the seconds left in the window; a new minute lets it through.
    const limited = await createApiKey(database.db, { partnerCode: "fictional-partner", name: "Limited", actor: "owner@example.org" });
    for (let i = 0; i < 3; i++) await authenticatePartner(bearer(limited.key), { db: database.db, now: NOW, perMinute: 3 });
    const over = await problemOf(authenticatePartner(bearer(limited.key), { db: database.db, now: new Date(NOW.getTime() + 20_000), perMinute: 3 }));
    expect([over.status, over.retryAfter, over.errors[0]?.code]).toEqual([429, 40, "rateLimit.partnerKey"]);
    expect(await authenticatePartner(bearer(limited.key), { db: database.db, now: new Date(NOW.getTime() + MINUTE + 1), perMinute: 3 })).toEqual({ code: "fictional-partner", keyId: limited.id });

    await revokeApiKey(database.db, { partnerCode: "fictional-partner", id: made.id, actor: "owner@example.org" });
    const revoked = await problemOf(authenticatePartner(bearer(made.key), { db: database.db }));
    expect([revoked.status, revoked.errors[0]?.code]).toEqual([401, "auth.invalidKey"]);
    // An inactive partner's keys stop working too.
    await database.db.update(partners).set({ active: false }).where(eq(partners.code, "fictional-partner"));
    expect((await problemOf(authenticatePartner(bearer(limited.key), { db: database.db, now: new Date(NOW.getTime() + 5 * MINUTE) }))).status).toBe(401);
    await database.db.update(partners).set({ active: true }).where(eq(partners.code, "fictional-partner"));
  });

  it("signs action.confirmed and letter.sent for the partner's endpoint, with the supporter only where they consented", async () => {
    const endpoint = await createWebhookEndpoint(database.db, {
      partnerCode: "fictional-partner",
      url: receiver.url,
      events: ["action.confirmed", "letter.sent"],
      actor: "owner@example.org",
      allowPrivate: true,
    });
    secrets.set("", endpoint.secret);
    expect(endpoint.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const [stored] = await database.db.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, endpoint.id));
    // Kept encrypted, and read back to sign.
    expect(stored!.secret).not.toContain(endpoint.secret.slice(6, 20));
    expect(await openSecret(database.db, stored!.secret)).toBe(endpoint.secret);
    // Another partner's endpoint hears nothing of these actions.
    await createWebhookEndpoint(database.db, { partnerCode: "other-partner", url: `${receiver.url}/other`, events: ["action.confirmed"], actor: "owner@example.org", allowPrivate: true });

    const consenting = await submit("consenting.supporter@example.org", "fictional-partner");
    await recordPartnerConsent(database.db, { actionId: consenting.id, partnerCode: "fictional-partner", wording: "Fictional Partner may contact me.", language: "en", now: NOW });
    const silent = await submit("silent.supporter@example.org", "fictional-partner");
    const unattributed = await submit("own.supporter@example.org", undefined);
    for (const action of [consenting, silent, unattributed]) {
      const token = await issueConfirmationToken(database.db, action.id, NOW);
      expect((await confirmAction(database.db, token!, NOW)).outcome).toBe("confirmed");
    }
    const queued = await database.db.select().from(webhookDeliveries);
    expect(queued.map((d) => d.eventType)).toEqual(["action.confirmed", "action.confirmed"]);

    const counts = await sendDueWebhooks({ db: database.db, now: () => NOW, allowPrivate: true });
    expect(counts).toEqual({ delivered: 2, retried: 0, failed: 0 });
    const confirmed = receiver.received.filter((r) => r.type === "action.confirmed");
    expect(confirmed.map((r) => r.verified)).toEqual([true, true]);
    const byAction = new Map(confirmed.map((r) => [((r.payload.data as { action: { id: string } }).action.id), r.payload]));
    for (const payload of byAction.values()) expect(WEBHOOK_PAYLOADS["action.confirmed"].safeParse(payload).success).toBe(true);
    expect((byAction.get(consenting.id)!.data as { action: { supporter?: unknown } }).action.supporter).toEqual({ name: "Fictional Supporter", email: "consenting.supporter@example.org" });
    expect(JSON.stringify(byAction.get(silent.id))).not.toContain("silent.supporter@example.org");
    expect(JSON.stringify(byAction.get(silent.id))).not.toContain("Fictional Supporter");

    // The worker's letters pass sends the letters; markSent writes letter.sent for the partner's two.
    const transport = createMailTransport({ db: database.db });
    const sent = await sendDueLetters({ db: database.db, transport, now: () => NOW, random: () => 0.5, mailFrom: "letters@urgent-letters.test", organisationName: "Urgent Letters", log: () => {} });
    expect(sent.sent).toBe(3);
    expect(await sendDueWebhooks({ db: database.db, now: () => NOW, allowPrivate: true })).toEqual({ delivered: 2, retried: 0, failed: 0 });
    const letterSent = receiver.received.filter((r) => r.type === "letter.sent");
    expect(letterSent.map((r) => r.verified)).toEqual([true, true]);
    for (const r of letterSent) expect(WEBHOOK_PAYLOADS["letter.sent"].safeParse(r.payload).success).toBe(true);
    const withSupporter = letterSent.filter((r) => (r.payload.data as { supporter?: unknown }).supporter);
    expect(withSupporter.map((r) => (r.payload.data as { letter: { actionId: string } }).letter.actionId)).toEqual([consenting.id]);

    // The partner's numbers: its two actions, confirmed, their two letters sent; the unattributed one is not its.
    const stats = await getPartnerStats(database.db, "fictional-partner", NOW);
    expect(stats.totals).toEqual({ actions: 2, confirmed: 2, letters: { sent: 2, queued: 0, posted: 0 } });
    expect(JSON.stringify(stats)).not.toContain("@example.org");
  });

  it("retries a failing receiver with back-off and gives up after 24 hours of waiting; a redelivery starts over", async () => {
    await database.db.delete(webhookDeliveries);
    receiver.received.length = 0;
    const action = await submit("retried.supporter@example.org", "fictional-partner", "post");
    // Printed letters need no email confirmation: confirmed as made, so no action.confirmed comes from confirmAction.
    const [letter] = await database.db.select().from(letters).where(eq(letters.actionId, action.id));
    await emitLetterBounced(database.db, letter!.id, "550 no such mailbox", NOW);
    // No endpoint takes letter.bounced: nothing is written for it.
    expect(await database.db.select().from(webhookDeliveries)).toHaveLength(0);
    await emitCampaignEvent(database.db, "campaign.closed", "dnc-sekerbayeva-charges", NOW);
    expect(await database.db.select().from(webhookDeliveries)).toHaveLength(0);

    const token = await issueConfirmationToken(database.db, (await submit("retried2.supporter@example.org", "fictional-partner")).id, NOW);
    await confirmAction(database.db, token!, NOW);
    receiver.answerWith([500, 500]);
    let clock = NOW;
    const pass = () => sendDueWebhooks({ db: database.db, now: () => clock, allowPrivate: true });
    expect(await pass()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    // Not due again before its back-off.
    expect(await pass()).toEqual({ delivered: 0, retried: 0, failed: 0 });
    let [row] = await database.db.select().from(webhookDeliveries);
    expect(row!.lastStatus).toBe(500);
    expect(row!.nextAttemptAt!.getTime() - NOW.getTime()).toBeGreaterThanOrEqual(5 * MINUTE);
    clock = row!.nextAttemptAt!;
    expect(await pass()).toEqual({ delivered: 0, retried: 1, failed: 0 });
    [row] = await database.db.select().from(webhookDeliveries);
    clock = row!.nextAttemptAt!;
    expect(await pass()).toEqual({ delivered: 1, retried: 0, failed: 0 });
    // Three tries of one message: the same webhook-id each time, each signed.
    expect(receiver.received.map((r) => [r.answered, r.verified])).toEqual([[500, true], [500, true], [200, true]]);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1);

    // A receiver that never answers 2xx: tried until 24 hours of waiting are behind it, then given up.
    receiver.answerWith(Array.from({ length: 40 }, () => 503));
    await redeliverWebhook(database.db, { partnerCode: "fictional-partner", id: row!.id, actor: "owner@example.org", now: clock });
    const first = clock;
    let tries = 0;
    for (;;) {
      const counts = await pass();
      tries += 1;
      [row] = await database.db.select().from(webhookDeliveries);
      if (counts.failed === 1 || !row!.nextAttemptAt) break;
      clock = row!.nextAttemptAt;
    }
    expect(row!.failedAt).not.toBeNull();
    expect(row!.attempts).toBe(tries);
    expect(clock.getTime() - first.getTime()).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    // The first try and 18 retries (waits of 5 min × 1.3^n until 24 hours are behind it: lib/delivery/backoff.ts).
    expect(tries).toBe(19);
  });

  it("refuses webhook URLs that are not https or point at private, loopback or reserved addresses", async () => {
    for (const url of ["http://example.org/hooks", "https://127.0.0.1/hooks", "https://10.1.2.3/", "https://169.254.169.254/latest", "https://[::1]/", "https://[::ffff:192.168.1.1]/", "https://localhost/", "https://user:pw@93.184.215.14/", "not a url"]) {
      const refused = await problemOf(checkWebhookUrl(url, false));
      expect([refused.status, refused.errors[0]?.path], url).toEqual([422, "url"]);
    }
    expect((await checkWebhookUrl("https://93.184.215.14/hooks", false)).hostname).toBe("93.184.215.14");
    expect(["100.64.0.1", "172.31.255.255", "fd00::1", "fe80::1", "0.0.0.0"].every(isPrivateAddress)).toBe(true);
    expect(["93.184.215.14", "2606:4700::1111", "172.32.0.1"].some(isPrivateAddress)).toBe(false);

    // An endpoint saved while private addresses were allowed is still refused at connection time once they are not.
    await database.db.delete(webhookDeliveries);
    receiver.received.length = 0;
    const action = await submit("refused.supporter@example.org", "fictional-partner");
    await confirmAction(database.db, (await issueConfirmationToken(database.db, action.id, NOW))!, NOW);
    expect(await sendDueWebhooks({ db: database.db, now: () => NOW, allowPrivate: false })).toEqual({ delivered: 0, retried: 1, failed: 0 });
    const [row] = await database.db.select().from(webhookDeliveries).where(and(eq(webhookDeliveries.eventType, "action.confirmed")));
    expect(row!.lastError).toMatch(/private or loopback|not https/);
    expect(receiver.received).toHaveLength(0);
    expect(await database.db.select().from(partnerConsents)).toHaveLength(1);
  });
});
