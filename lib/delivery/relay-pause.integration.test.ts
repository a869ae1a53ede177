import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/open";
import { campaigners, letterAttempts, letters, outbox, recipients, relayState } from "@/lib/db/schema";
import { createMailTransport, type TMailTransport } from "@/lib/mail/transport";
import { testDatabases } from "@/test/databases";
import { seedCampaign, seedLetters, seedRecipient, TEST_MAIL_FROM, TEST_ORGANISATION, wipeDelivery } from "@/test/delivery/seed";
import { startTestSmtp, type TTestSmtp } from "@/test/delivery/smtp";
import { readRelayPause } from "./read-relay-state";
import { resumeRelay } from "./resume-relay";
import { sendDueLetters, type TSendDueLettersOptions } from "./send-due-letters";
import { startWorker } from "./worker";

const MINUTE = 60_000;
const t0 = new Date("2026-03-02T10:00:00Z");
const renderPdf = async () => Buffer.from("%PDF-1.4 test");

function until(condition: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = async () => {
      try {
        if (await condition()) return resolve();
      } catch (error) {
        return reject(error);
      }
      if (Date.now() - started > timeoutMs) reject(new Error("condition not reached"));
      else setTimeout(check, 20);
    };
    void check();
  });
}

describe.each(testDatabases())("a relay that refuses all mail, on $name", ({ open }) => {
  let database: TDatabase;
  let smtp: TTestSmtp;
  let transport: TMailTransport;
  let clock: Date;

  const pass = (extra: Partial<TSendDueLettersOptions> = {}) =>
    sendDueLetters({
      db: database.db,
      transport,
      now: () => clock,
      random: () => 0.5,
      mailFrom: TEST_MAIL_FROM,
      organisationName: TEST_ORGANISATION,
      renderPdf,
      log: () => {},
      ...extra,
    });
  const rows = (ids: string[]) => database.db.select().from(letters).where(inArray(letters.id, ids));
  const officials = (ids: string[]) => database.db.select().from(recipients).where(inArray(recipients.id, ids));

  /** One letter to each of `n` officials (each with its own address). */
  async function lettersToOfficials(n: number): Promise<{ ids: string[]; officialIds: string[] }> {
    const slug = "test-campaign";
    if ((await database.db.select().from(letters)).length === 0) await seedCampaign(database.db).catch(() => {});
    const officialIds: string[] = [];
    const ids: string[] = [];
    for (let i = 0; i < n; i++) {
      const official = await seedRecipient(database.db);
      officialIds.push(official);
      ids.push(...(await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 1, queuedAt: t0 })));
    }
    return { ids, officialIds };
  }

  beforeAll(async () => {
    database = await open();
    smtp = await startTestSmtp();
    transport = createMailTransport({ smtpUrl: smtp.url, db: database.db, timeoutMs: 5000 });
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.stop();
    await database?.close();
  });
  beforeEach(async () => {
    await wipeDelivery(database.db);
    await database.db.delete(outbox);
    await database.db.delete(campaigners);
    smtp.reset();
    clock = t0;
  });

  it("pauses all sending on 554 5.7.1 relay access denied, fails no letter and flags no official; an owner resumes", async () => {
    const { ids, officialIds } = await lettersToOfficials(3);

    smtp.behaviour = "relay-denied";
    const counts = await pass();
    expect(counts).toMatchObject({ sent: 0, failed: 0, retried: 0 });
    expect(counts.deferred).toBe(3);
    expect((await rows(ids)).map((r) => [r.status, r.attempts])).toEqual(ids.map(() => ["queued", 0]));
    expect((await officials(officialIds)).map((o) => [o.hardFailures, o.emailSuspect])).toEqual(officialIds.map(() => [0, false]));
    const pause = await readRelayPause(database.db);
    expect(pause).toMatchObject({ pausedAt: t0, pausedBy: "relay" });
    expect(pause!.reply).toMatch(/^554 5\.7\.1 <.+>: Relay access denied$/);
    const tries = await database.db.select().from(letterAttempts).where(inArray(letterAttempts.letterId, ids));
    expect(tries.every((t) => t.outcome === "retry" && /5\.7\.1/.test(t.reply ?? ""))).toBe(true);

    // While paused, a pass claims nothing, however long it waits, even once the relay would accept again.
    smtp.behaviour = "accept";
    clock = new Date(t0.getTime() + 60 * MINUTE);
    expect(await pass()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0, digested: 0 });
    expect(smtp.raw).toHaveLength(0);

    expect(await resumeRelay(database.db, { by: "owner-1", now: clock })).toBe(true);
    expect(await resumeRelay(database.db, { by: "owner-1", now: clock })).toBe(false);
    expect(await pass()).toMatchObject({ sent: 3, failed: 0 });
    expect((await rows(ids)).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
  });

  it.each([1, 4])("pauses when the same plain 550 comes for three different officials in a row (concurrency %i), and undoes their failures", async (concurrency) => {
    const { ids, officialIds } = await lettersToOfficials(5);
    // One of them had two hard failures already: this refusal would have flagged it, and must not.
    await database.db.update(recipients).set({ hardFailures: 2 }).where(eq(recipients.id, officialIds[0]!));

    smtp.behaviour = "550";
    const counts = await pass({ concurrency });
    expect(counts.failed).toBe(0);
    expect(counts.sent).toBe(0);
    expect(await readRelayPause(database.db)).toMatchObject({ reply: "550 No such mailbox" });
    const after = await rows(ids);
    expect(after.filter((r) => r.status === "failed")).toEqual([]);
    expect(after.every((r) => r.status === "queued")).toBe(true);
    const flags = new Map((await officials(officialIds)).map((o) => [o.id, [o.hardFailures, o.emailSuspect]]));
    expect(officialIds.map((id) => flags.get(id))).toEqual([[2, false], [0, false], [0, false], [0, false], [0, false]]);
    // The mail that reached the relay before the verdict is kept as tries ("failed", then put back).
    const tries = await database.db.select().from(letterAttempts).where(inArray(letterAttempts.letterId, ids));
    expect(tries.filter((t) => t.outcome === "failed").length).toBeGreaterThanOrEqual(2);
    expect(tries.filter((t) => t.outcome === "retry").length).toBeGreaterThanOrEqual(tries.filter((t) => t.outcome === "failed").length);
  });

  it("keeps the run across passes: one letter a pass, three officials, the third pauses", async () => {
    smtp.behaviour = "550";
    const failedBefore: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { ids } = await lettersToOfficials(1);
      failedBefore.push(...ids);
      clock = new Date(t0.getTime() + i * MINUTE);
      await pass();
    }
    expect(await readRelayPause(database.db)).not.toBeNull();
    expect((await rows(failedBefore)).map((r) => r.status)).toEqual(["queued", "queued", "queued"]);
  });

  it("fails only the letter of the official whose address is refused (550 5.1.1); the others go, nothing pauses", async () => {
    const { ids, officialIds } = await lettersToOfficials(4);
    smtp.unknownUsers.add(`${officialIds[1]}@embassy.test`);
    expect(await pass()).toMatchObject({ sent: 3, failed: 1 });
    const byId = new Map((await rows(ids)).map((r) => [r.id, r]));
    expect(byId.get(ids[1]!)).toMatchObject({ status: "failed" });
    expect(byId.get(ids[1]!)!.lastError).toMatch(/5\.1\.1/);
    expect(await readRelayPause(database.db)).toBeNull();
    expect((await officials([officialIds[1]!]))[0]).toMatchObject({ hardFailures: 1 });
  });

  it("a worker holds letters and the outbox while paused, tries the relay, tells owners and editors once it accepts, and sends after an owner resumes", async () => {
    const { ids } = await lettersToOfficials(1);
    await database.db.insert(campaigners).values([
      { id: "c-owner", name: "Owner Person", email: "owner@urgent-letters.test", role: "owner" },
      { id: "c-editor", name: "Editor Person", email: "editor@urgent-letters.test", role: "editor" },
      { id: "c-viewer", name: "Viewer Person", email: "viewer@urgent-letters.test", role: "viewer" },
    ]);
    await database.db.insert(outbox).values({
      kind: "notice",
      message: { from: { name: TEST_ORGANISATION, address: TEST_MAIL_FROM }, to: { name: "S", address: "s@example.org" }, subject: "A notice", text: "t", html: "<p>t</p>" },
    });
    smtp.behaviour = "relay-denied";
    const worker = startWorker({
      db: database.db,
      transport,
      mailFrom: TEST_MAIL_FROM,
      organisationName: TEST_ORGANISATION,
      renderPdf,
      intervalMs: 10,
      relayProbeMs: 0,
      adminUrl: "http://localhost:3320/admin",
      retention: false,
      log: () => {},
    });
    try {
      // The outbox goes first and meets the refusal: sending pauses, the notice waits.
      await until(async () => (await readRelayPause(database.db)) !== null);
      await until(async () => (await database.db.select().from(relayState))[0]?.probeReply != null);
      expect((await database.db.select().from(relayState))[0]!.probeReply).toMatch(/5\.7\.1/);
      expect(await database.db.select().from(outbox)).toHaveLength(1);
      expect((await rows(ids))[0]!.status).toBe("queued");

      smtp.behaviour = "accept";
      await until(async () => (await readRelayPause(database.db))?.acceptsAgainAt != null);
      await smtp.waitForMessages(1);
      const [alert] = await smtp.messages();
      expect([alert!.to].flat().flatMap((a) => a!.value.map((v) => v.address))).toEqual(["owner@urgent-letters.test", "editor@urgent-letters.test"]);
      expect(alert!.subject).toBe(`${TEST_ORGANISATION}: sending is paused, and the mail relay accepts mail again`);
      expect(alert!.text).toMatch(/554 5\.7\.1 .*Relay access denied/);
      expect(alert!.text).toContain("http://localhost:3320/admin");
      // Still paused: one alert only, and nothing else went.
      await new Promise((r) => setTimeout(r, 200));
      expect(smtp.raw).toHaveLength(1);
      expect(await database.db.select().from(outbox)).toHaveLength(1);

      await resumeRelay(database.db, { by: "c-owner", now: new Date() });
      await until(async () => (await rows(ids))[0]!.status === "sent" && (await database.db.select().from(outbox)).length === 0);
      expect(smtp.raw).toHaveLength(3);
    } finally {
      await worker.stop();
    }
  });
});
