/**
 * A live pass that takes longer than its lock keeps its letters: the heartbeat renews the lock, so a second worker
 * polling all the while finds nothing to take, and every letter arrives exactly once. Without renewal the rival
 * would take the letters still waiting once the first lock ran out and send them a second time.
 */
import { afterAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/open";
import { letters } from "@/lib/db/schema";
import { createMailTransport } from "@/lib/mail/transport";
import { testDatabases } from "@/test/databases";
import { sendDueLetters, type TSendCounts } from "./send-due-letters";
import { seedCampaign, seedLetters, seedRecipient, TEST_MAIL_FROM, TEST_ORGANISATION } from "@/test/delivery/seed";
import { startTestSmtp } from "@/test/delivery/smtp";

const LOCK_MS = 3000;
const HEARTBEAT_MS = 500;
const LETTERS = 12;
/** Two sends at a time, each answered after a second: the pass lasts about 6 s, twice its lock. */
const SMTP_DELAY_MS = 1000;

describe.each(testDatabases())("a long pass renews its lock on $name", ({ open }) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it("is never taken over while it lives, and sends each letter once", { timeout: 90_000 }, async () => {
    const database: TDatabase = await open();
    cleanup.push(() => database.close());
    const { db } = database;
    const slug = await seedCampaign(db);
    for (const official of [await seedRecipient(db), await seedRecipient(db), await seedRecipient(db)]) {
      await seedLetters(db, { campaignSlug: slug, recipientId: official, count: LETTERS / 3, queuedAt: new Date(Date.now() - 1000) });
    }
    const smtp = await startTestSmtp({ delayMs: SMTP_DELAY_MS });
    cleanup.push(() => smtp.stop());
    const transport = createMailTransport({ smtpUrl: smtp.url, db, timeoutMs: 10_000 });
    cleanup.push(async () => transport.close());
    const renderPdf = async () => Buffer.from("%PDF-1.4 stand-in");
    const options = { db, transport, now: () => new Date(), renderPdf, mailFrom: TEST_MAIL_FROM, organisationName: TEST_ORGANISATION, log: () => {} };

    const started = Date.now();
    let done = false;
    const first = sendDueLetters({ ...options, lockMs: LOCK_MS, heartbeatMs: HEARTBEAT_MS, concurrency: 2 }).finally(() => (done = true));
    // The rival: another worker polling every 200 ms with the same short lock.
    const rival: TSendCounts = { sent: 0, retried: 0, failed: 0, deferred: 0, digested: 0 };
    let rivalPasses = 0;
    while (!done) {
      const counts = await sendDueLetters({ ...options, lockMs: LOCK_MS, heartbeatMs: HEARTBEAT_MS });
      for (const key of Object.keys(rival) as (keyof TSendCounts)[]) rival[key] += counts[key];
      rivalPasses += 1;
      await new Promise((r) => setTimeout(r, 200));
    }
    const counts = await first;
    const lasted = Date.now() - started;

    // The pass really outlived its lock several times over, with the rival looking all the while.
    expect(lasted).toBeGreaterThan(LOCK_MS * 1.5);
    expect(rivalPasses).toBeGreaterThan(5);
    expect(rival).toEqual({ sent: 0, retried: 0, failed: 0, deferred: 0, digested: 0 });
    expect(counts.sent).toBe(LETTERS);
    const rows = await db.select().from(letters);
    expect(rows.every((r) => r.status === "sent" && r.lockedUntil === null)).toBe(true);
    const arrived = (await smtp.messages()).map((m) => m.messageId);
    expect(arrived).toHaveLength(LETTERS);
    expect(new Set(arrived)).toEqual(new Set(rows.map((r) => `<letter-${r.id}@urgent-letters.test>`)));
  });
});
