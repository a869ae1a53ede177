import { and, eq, min, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/open";
import { letters } from "@/lib/db/schema";
import { createMailTransport, type TMailTransport } from "@/lib/mail/transport";
import { testDatabases } from "@/test/databases";
import { sendDueLetters, type TSendCounts } from "./send-due-letters";
import { seedCampaign, seedLetters, seedRecipient, TEST_MAIL_FROM, TEST_ORGANISATION } from "@/test/delivery/seed";
import { startTestSmtp, type TTestSmtp } from "@/test/delivery/smtp";
import { isWorkingTime } from "./working-hours";
import { busiest } from "@/test/delivery/windows";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Monday 2 March 2026, 00:00 in Paris. */
const start = new Date("2026-03-01T23:00:00Z");
const ZONE = "Europe/Paris";


describe.each(testDatabases())("pacing a thousand letters to one official on $name", ({ open }) => {
  let database: TDatabase;
  let smtp: TTestSmtp;
  let transport: TMailTransport;

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

  it("stays under the hourly and daily caps over a simulated day, and the rest arrive as one digest", async () => {
    const { db } = database;
    const slug = await seedCampaign(db, { settings: { hourlyCap: 30, dailyCap: 300, retentionDays: 30 } });
    const official = await seedRecipient(db, { timeZone: ZONE });
    await seedLetters(db, { campaignSlug: slug, recipientId: official, count: 1000, queuedAt: start });

    let clock = start;
    let seed = 42;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    // The pacing is under test here, not the PDF: a stand-in keeps a thousand letters fast.
    const renderPdf = async () => Buffer.from("%PDF-1.4 stand-in");
    const totals: TSendCounts = { sent: 0, retried: 0, failed: 0, deferred: 0, digested: 0 };
    for (let passes = 0; passes < 5000; passes++) {
      const counts = await sendDueLetters({ db, transport, now: () => clock, random, renderPdf, mailFrom: TEST_MAIL_FROM, organisationName: TEST_ORGANISATION });
      for (const key of Object.keys(totals) as (keyof TSendCounts)[]) totals[key] += counts[key];
      if (counts.sent + counts.deferred + counts.digested + counts.failed + counts.retried > 0) continue;
      // Nothing due: jump the clock to the next letter's time instead of sleeping.
      const [next] = await db.select({ at: min(letters.nextAttemptAt) }).from(letters).where(eq(letters.status, "queued"));
      if (!next?.at) break;
      clock = new Date(Math.max(clock.getTime() + 1, new Date(next.at).getTime()));
      expect(clock.getTime() - start.getTime()).toBeLessThan(2 * DAY);
    }

    const rows = await db.select().from(letters).where(eq(letters.recipientId, official));
    expect(rows.every((r) => r.status === "sent")).toBe(true);
    expect(totals.failed + totals.retried).toBe(0);
    // Waiting letters are planned into distinct slots, not re-queued on every pass.
    expect(totals.deferred).toBeLessThan(2 * 1000);

    // One entry per email: a letter on its own, or a whole digest.
    const emails = await db
      .select({ at: sql<string>`min(${letters.sentAt})`, digest: sql<boolean>`bool_or(${letters.digestId} is not null)`, n: sql<number>`count(*)`.mapWith(Number) })
      .from(letters)
      .where(and(eq(letters.recipientId, official), eq(letters.status, "sent")))
      .groupBy(sql`coalesce(${letters.digestId}, ${letters.id})`);
    const times = emails.map((e) => new Date(e.at).getTime());
    expect(smtp.raw).toHaveLength(emails.length);
    expect(busiest(times, HOUR)).toBeLessThanOrEqual(30);
    expect(busiest(times, DAY)).toBeLessThanOrEqual(300);
    // Everything arrived within the simulated day.
    expect(Math.max(...times) - start.getTime()).toBeLessThan(DAY);

    const digests = emails.filter((e) => e.digest);
    expect(digests).toHaveLength(1);
    const single = emails.filter((e) => !e.digest);
    expect(single.length + digests[0]!.n).toBe(1000);
    expect(totals).toMatchObject({ sent: single.length, digested: digests[0]!.n });
    // Most letters could not go one by one today: the digest carries them.
    expect(digests[0]!.n).toBeGreaterThan(600);
    // The first burst went at once (under the cap, even at midnight); everything that waited went in office hours.
    const waited = times.filter((t) => t > start.getTime());
    expect(times.length - waited.length).toBe(30);
    expect(waited.every((t) => isWorkingTime(t, ZONE))).toBe(true);

    const digestMail = (await smtp.messages()).find((m) => m.messageId?.startsWith("<digest-"))!;
    expect(digestMail.subject).toBe(`${digests[0]!.n} letters: Release Zhanar Sekerbayeva`);
    expect(digestMail.text!.match(/^\d+\. Supporter Number\d+, City\d+ \(Ireland\)$/gm)).toHaveLength(digests[0]!.n);
  });
});
