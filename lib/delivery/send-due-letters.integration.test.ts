import { eq, inArray } from "drizzle-orm";
import { extractText } from "unpdf";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type TDatabase } from "@/lib/db/open";
import { campaigns, letterAttempts, letters, recipients, relayState } from "@/lib/db/schema";
import { createMailTransport, type TMailTransport } from "@/lib/mail/transport";
import { testDatabases } from "@/test/databases";
import { sendDueLetters, type TSendDueLettersOptions } from "./send-due-letters";
import { seedCampaign, seedLetters, seedRecipient, TEST_MAIL_FROM, TEST_ORGANISATION, wipeDelivery } from "@/test/delivery/seed";
import { startTestSmtp, type TTestSmtp } from "@/test/delivery/smtp";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const t0 = new Date("2026-03-02T10:00:00Z");

async function pdfText(content: Buffer): Promise<string> {
  const { text } = await extractText(new Uint8Array(content), { mergePages: true });
  return text.replace(/\s+/g, " ");
}

describe.each(testDatabases())("sending letters on $name", ({ name, open }) => {
  let database: TDatabase & { url?: string };
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
      log: () => {},
      ...extra,
    });

  const rows = (ids: string[]) => database.db.select().from(letters).where(inArray(letters.id, ids));

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
    smtp.reset();
    // A failed "server down" test must not leave the server down for the next ones.
    await smtp.start();
    clock = t0;
  });

  it("sends a letter from the organisation on the supporter's behalf, with its PDF", async () => {
    const slug = await seedCampaign(database.db);
    const official = await seedRecipient(database.db, { id: "embassy-gb", name: "H.E. Magzhan Ilyassov", email: "ambassador@kazembassy.test" });
    const [id] = await seedLetters(database.db, {
      campaignSlug: slug,
      recipientId: official,
      count: 1,
      queuedAt: t0,
      supporter: { name: "Asem Nurlanova", email: "asem@example.org" },
      text: () => "Please release Zhanar Sekerbayeva without delay.",
    });

    expect(await pass()).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 0, digested: 0 });

    const [mail] = await smtp.messages();
    expect(mail!.from!.value).toEqual([{ name: "Asem Nurlanova via Urgent Letters", address: TEST_MAIL_FROM }]);
    expect(mail!.replyTo!.value).toEqual([{ name: "Asem Nurlanova", address: "asem@example.org" }]);
    expect([mail!.to].flat()[0]!.value).toEqual([{ name: "H.E. Magzhan Ilyassov", address: "ambassador@kazembassy.test" }]);
    expect(mail!.messageId).toBe(`<letter-${id}@urgent-letters.test>`);
    expect(mail!.subject).toBe("Release Zhanar Sekerbayeva");
    expect(mail!.text).toContain("Please release Zhanar Sekerbayeva without delay.");
    expect(mail!.html).toContain("<p>Please release Zhanar Sekerbayeva without delay.</p>");
    const attachment = mail!.attachments[0]!;
    expect(attachment).toMatchObject({ filename: "letter-embassy-gb.pdf", contentType: "application/pdf" });
    const text = await pdfText(attachment.content);
    expect(text).toContain("Please release Zhanar Sekerbayeva without delay.");
    expect(text).toContain("Asem Nurlanova");

    const [row] = await rows([id!]);
    expect(row).toMatchObject({ status: "sent", sentAt: t0, attempts: 1, messageId: `<letter-${id}@urgent-letters.test>`, lockedUntil: null });
  });

  it("retries a 421 later, counting the attempt, and delivers it once the server accepts", async () => {
    const slug = await seedCampaign(database.db);
    const official = await seedRecipient(database.db);
    const [id] = await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 1, queuedAt: t0 });

    smtp.behaviour = "421";
    expect(await pass()).toMatchObject({ sent: 0, retried: 1, failed: 0 });
    let [row] = await rows([id!]);
    expect(row).toMatchObject({ status: "queued", attempts: 1 });
    expect(row!.lastError).toMatch(/^421/);
    expect(row!.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(t0.getTime() + 5 * MINUTE);
    expect(smtp.attempts).toBe(1);

    smtp.behaviour = "accept";
    // Not due yet: nothing happens.
    expect(await pass()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0, digested: 0 });
    clock = new Date(row!.nextAttemptAt!.getTime() + 1);
    expect(await pass()).toMatchObject({ sent: 1 });
    [row] = await rows([id!]);
    expect(row).toMatchObject({ status: "sent", attempts: 2, lastError: null });
    expect(smtp.raw).toHaveLength(1);
    // Each try is kept with the relay's own reply, for the campaigner's view of the letter.
    const tries = await database.db.select().from(letterAttempts).where(eq(letterAttempts.letterId, id!)).orderBy(letterAttempts.at);
    expect(tries.map((t) => t.outcome)).toEqual(["retry", "sent"]);
    expect(tries[0]!.reply).toMatch(/^421/);
    expect(tries[1]!.reply).toMatch(/^250/);
    expect(tries[1]!.messageId).toBe(row!.messageId);
  });

  it("fails an official's 550 5.1.1 at once after one delivery attempt, and flags the address after three in a row", async () => {
    const slug = await seedCampaign(database.db);
    const official = await seedRecipient(database.db);
    const ids = await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 1, queuedAt: t0 });

    // Only this official's address is refused; the relay itself takes mail.
    smtp.unknownUsers.add(`${official}@embassy.test`);
    expect(await pass()).toMatchObject({ sent: 0, retried: 0, failed: 1 });
    const [row] = await rows(ids);
    expect(row).toMatchObject({ status: "failed", attempts: 1 });
    expect(row!.lastError).toMatch(/^550: .*5\.1\.1/);
    const tries = await database.db.select().from(letterAttempts).where(eq(letterAttempts.letterId, ids[0]!));
    expect(tries.map((t) => [t.outcome, t.reply])).toEqual([["failed", expect.stringMatching(/^550: .*User unknown/)]]);
    clock = new Date(t0.getTime() + 48 * HOUR);
    expect(await pass()).toMatchObject({ sent: 0, failed: 0 });
    expect((await rows(ids))[0]!.attempts).toBe(1);

    const official$ = () => database.db.select().from(recipients).where(eq(recipients.id, official));
    expect((await official$())[0]).toMatchObject({ hardFailures: 1, emailSuspect: false });
    for (const k of [1, 2]) {
      await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 1, queuedAt: clock, text: () => `again ${k}` });
      expect(await pass()).toMatchObject({ failed: 1 });
    }
    // The same refusal three times for ONE official is that official's address, not the relay.
    expect((await official$())[0]).toMatchObject({ hardFailures: 3, emailSuspect: true });
    expect(await database.db.select().from(relayState)).toMatchObject([{ pausedAt: null }]);

    smtp.unknownUsers.clear();
    const last = await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 1, queuedAt: clock, text: () => "finally" });
    // A suspect address gets nothing: the letter is held for a campaigner (lib/delivery/claim-letters.ts, issue 11)…
    const triesBefore = smtp.attempts;
    expect(await pass()).toMatchObject({ sent: 0 });
    expect(smtp.attempts).toBe(triesBefore);
    expect((await rows(last))[0]).toMatchObject({ status: "held" });
    // …until the flag is down again (here by hand, the count left as it was): then a delivery ends the run.
    await database.db.update(recipients).set({ emailSuspect: false }).where(eq(recipients.id, official));
    await database.db.update(letters).set({ status: "queued" }).where(inArray(letters.id, last));
    expect(await pass()).toMatchObject({ sent: 1 });
    expect((await official$())[0]).toMatchObject({ hardFailures: 0, emailSuspect: false });
  });

  it("delivers every letter exactly once when the server is down and then back", async () => {
    const slug = await seedCampaign(database.db);
    const officials = [await seedRecipient(database.db), await seedRecipient(database.db)];
    const ids = [
      ...(await seedLetters(database.db, { campaignSlug: slug, recipientId: officials[0]!, count: 6, queuedAt: t0 })),
      ...(await seedLetters(database.db, { campaignSlug: slug, recipientId: officials[1]!, count: 6, queuedAt: t0 })),
    ];

    await smtp.stop();
    const down = await pass();
    expect(down.sent).toBe(0);
    expect(down.retried).toBeGreaterThanOrEqual(1);
    // The pass stops at the first connection failure instead of failing every letter in turn.
    expect(down.retried + down.deferred).toBe(ids.length);
    expect((await rows(ids)).every((r) => r.status === "queued")).toBe(true);

    await smtp.start();
    for (let i = 0; i < 30 && (await rows(ids)).some((r) => r.status !== "sent"); i++) {
      clock = new Date(clock.getTime() + 10 * MINUTE);
      await pass();
    }
    const sent = await rows(ids);
    expect(sent.every((r) => r.status === "sent")).toBe(true);
    const messageIds = (await smtp.messages()).map((m) => m.messageId);
    expect(messageIds).toHaveLength(ids.length);
    expect(new Set(messageIds)).toEqual(new Set(sent.map((r) => r.messageId)));
  });

  it("gives a letter up after trying for 24 hours", async () => {
    const slug = await seedCampaign(database.db);
    const official = await seedRecipient(database.db);
    const [id] = await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 1, queuedAt: t0 });
    smtp.behaviour = "421";
    const renderPdf = async () => Buffer.from("%PDF-1.4");
    for (let i = 0; i < 40; i++) {
      await pass({ renderPdf });
      const [row] = await rows([id!]);
      if (row!.status !== "queued") break;
      clock = row!.nextAttemptAt!;
    }
    const [row] = await rows([id!]);
    expect(row).toMatchObject({ status: "failed", attempts: 19 });
    expect(row!.lastError).toMatch(/gave up after trying for 24 hours: 421/);
    expect(clock.getTime() - t0.getTime()).toBeGreaterThanOrEqual(24 * HOUR);
    expect(smtp.attempts).toBe(19);
  });

  it("sends nothing for a paused campaign and keeps its queue; resuming sends", async () => {
    const slug = await seedCampaign(database.db, { paused: true });
    const official = await seedRecipient(database.db);
    const ids = await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 3, queuedAt: t0 });
    clock = new Date(t0.getTime() + HOUR);
    expect(await pass()).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0, digested: 0 });
    expect((await rows(ids)).map((r) => [r.status, r.nextAttemptAt, r.attempts])).toEqual(ids.map(() => ["queued", t0, 0]));
    expect(smtp.attempts).toBe(0);

    await database.db.update(campaigns).set({ sendingHeld: false }).where(eq(campaigns.slug, slug));
    expect(await pass()).toMatchObject({ sent: 3 });
    expect(smtp.raw).toHaveLength(3);
  });

  it("takes a letter left in 'sending' by a dead worker once its lock has expired, not before", async () => {
    const slug = await seedCampaign(database.db);
    const official = await seedRecipient(database.db);
    const [stale, live] = await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 2, queuedAt: t0 });
    await database.db.update(letters).set({ status: "sending", lockedUntil: new Date(t0.getTime() - 1000) }).where(eq(letters.id, stale!));
    await database.db.update(letters).set({ status: "sending", lockedUntil: new Date(t0.getTime() + MINUTE) }).where(eq(letters.id, live!));
    expect(await pass()).toMatchObject({ sent: 1 });
    const byId = new Map((await rows([stale!, live!])).map((r) => [r.id, r]));
    expect(byId.get(stale!)!.status).toBe("sent");
    expect(byId.get(live!)!.status).toBe("sending");
  });

  it("does not record a send over a worker that took the letter over", async () => {
    const slug = await seedCampaign(database.db);
    const official = await seedRecipient(database.db);
    const [id] = await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 1, queuedAt: t0 });
    const otherLock = new Date(t0.getTime() + 99 * MINUTE);
    const takeover: TMailTransport = {
      kind: "smtp",
      async send(message, kind) {
        // While we are sending, our lock "expires" and another worker claims the letter.
        await database.db.update(letters).set({ lockedUntil: otherLock }).where(eq(letters.id, id!));
        return transport.send(message, kind);
      },
      close() {},
    };
    const logged: string[] = [];
    expect(await pass({ transport: takeover, log: (m) => logged.push(m) })).toMatchObject({ sent: 0 });
    const [row] = await rows([id!]);
    expect(row).toMatchObject({ status: "sending", lockedUntil: otherLock, messageId: null });
    expect(logged.join()).toMatch(/lock had been taken over/);
  });

  it("sends the letters above the daily cap as one digest with one combined PDF", async () => {
    const slug = await seedCampaign(database.db, { settings: { hourlyCap: 2, dailyCap: 3, retentionDays: 30 } });
    const official = await seedRecipient(database.db, { timeZone: null });
    const ids = await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 6, queuedAt: t0 });

    // Two emails fit in the hour: the digest and one letter; one more letter fits in the day an hour later.
    expect(await pass()).toEqual({ sent: 1, retried: 0, failed: 0, deferred: 1, digested: 4 });
    const mails = await smtp.messages();
    expect(mails).toHaveLength(2);
    const digest = mails.find((m) => m.messageId?.startsWith("<digest-"))!;
    expect(digest.subject).toBe("4 letters: Release Zhanar Sekerbayeva");
    expect(digest.from!.value).toEqual([{ name: TEST_ORGANISATION, address: TEST_MAIL_FROM }]);
    expect(digest.attachments).toHaveLength(1);
    const text = await pdfText(digest.attachments[0]!.content);
    const after = new Map((await rows(ids)).map((r) => [r.id, r]));
    const inDigest = ids.filter((id) => after.get(id)!.digestId !== null);
    expect(inDigest).toHaveLength(4);
    for (const id of inDigest) {
      const i = ids.indexOf(id);
      expect(digest.text).toContain(`Supporter Number${i}, City${i} (Ireland)`);
      expect(text).toContain(`Letter number ${i} to ${official}.`);
      expect(after.get(id)).toMatchObject({ status: "sent", messageId: digest.messageId, attempts: 1 });
    }
    expect(new Set(inDigest.map((id) => after.get(id)!.digestId)).size).toBe(1);

    const deferred = ids.find((id) => after.get(id)!.status === "queued")!;
    clock = after.get(deferred)!.nextAttemptAt!;
    expect(clock.getTime()).toBeGreaterThanOrEqual(t0.getTime() + HOUR);
    expect(await pass()).toMatchObject({ sent: 1 });

    // The day is full (two letters and the digest): the next letter waits for tomorrow's digest.
    await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 1, queuedAt: clock, text: () => "late" });
    expect(await pass()).toMatchObject({ sent: 0, deferred: 1 });
    const [late, ...others] = await database.db.select().from(letters).where(eq(letters.status, "queued"));
    expect(others).toHaveLength(0);
    expect(late!.nextAttemptAt!.getTime()).toBeGreaterThanOrEqual(t0.getTime() + 24 * HOUR);
  });

  if (name === "postgres") {
    it("sends each letter exactly once with two workers on separate connections", async () => {
      const second = await openDatabase({ databaseUrl: database.url!, migrate: false });
      const otherTransport = createMailTransport({ smtpUrl: smtp.url, db: second.db, timeoutMs: 5000 });
      try {
        const slug = await seedCampaign(database.db);
        const ids: string[] = [];
        for (let r = 0; r < 4; r++) {
          const official = await seedRecipient(database.db);
          ids.push(...(await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 15, queuedAt: t0 })));
        }
        const renderPdf = async () => Buffer.from("%PDF-1.4");
        const worker = (db: typeof database.db, t: TMailTransport) => async () => {
          let total = 0;
          for (;;) {
            const counts = await pass({ db, transport: t, batchSize: 4, renderPdf });
            const n = counts.sent + counts.deferred + counts.failed + counts.retried;
            if (n === 0) return total;
            total += counts.sent;
          }
        };
        const [a, b] = await Promise.all([worker(database.db, transport)(), worker(second.db, otherTransport)()]);
        expect(a + b).toBe(ids.length);
        expect(a).toBeGreaterThan(0);
        expect(b).toBeGreaterThan(0);
        const messageIds = (await smtp.messages()).map((m) => m.messageId);
        expect(messageIds).toHaveLength(ids.length);
        expect(new Set(messageIds).size).toBe(ids.length);
        expect((await rows(ids)).every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
      } finally {
        otherTransport.close();
        await second.close();
      }
    });
  }
});
