import { simpleParser, type ParsedMail } from "mailparser";
import { eq, inArray } from "drizzle-orm";
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/open";
import { letters } from "@/lib/db/schema";
import { createMailTransport, type TMailTransport } from "@/lib/mail/transport";
import { testDatabases } from "@/test/databases";
import { seedCampaign, seedLetters, seedRecipient, TEST_MAIL_FROM, TEST_ORGANISATION, wipeDelivery } from "@/test/delivery/seed";
import { sendDueLetters } from "./send-due-letters";

/** A real SMTP server that keeps each message with its envelope: who the relay was asked to deliver to. */
async function recordingSmtp() {
  const received: { rcptTo: string[]; mail: ParsedMail }[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (c: Buffer) => chunks.push(c));
      stream.on("end", () => {
        void simpleParser(Buffer.concat(chunks)).then((mail) => {
          received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), mail });
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  return { url: `smtp://127.0.0.1:${port}`, received, stop: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

const t0 = new Date("2026-03-02T10:00:00Z");
const CAMPAIGNER = "campaigner@organisation.test";
const OFFICIAL = "minister@ministry.test";

describe.each(testDatabases())("test mode on $name", ({ open }) => {
  let database: TDatabase;
  let smtp: Awaited<ReturnType<typeof recordingSmtp>>;
  let transport: TMailTransport;

  const pass = () =>
    sendDueLetters({ db: database.db, transport, now: () => t0, random: () => 0.5, mailFrom: TEST_MAIL_FROM, organisationName: TEST_ORGANISATION, log: () => {} });
  const markTest = (ids: string[]) => database.db.update(letters).set({ test: true, testTo: CAMPAIGNER }).where(inArray(letters.id, ids));
  const addresses = (mail: ParsedMail) => [mail.to, mail.cc, mail.bcc].flat().filter(Boolean).flatMap((a) => a!.value.map((v) => v.address));

  beforeAll(async () => {
    database = await open();
    smtp = await recordingSmtp();
    transport = createMailTransport({ smtpUrl: smtp.url, db: database.db, timeoutMs: 5000 });
  });
  afterAll(async () => {
    transport?.close();
    await smtp?.stop();
    await database?.close();
  });
  beforeEach(async () => {
    await wipeDelivery(database.db);
    smtp.received.length = 0;
  });

  it("delivers a test letter to the campaigner only, its subject marked [TEST], and nothing to the official", async () => {
    const slug = await seedCampaign(database.db);
    const official = await seedRecipient(database.db, { email: OFFICIAL, name: "Minister of Examples" });
    const ids = await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 2, queuedAt: t0 });
    await markTest(ids);

    expect(await pass()).toMatchObject({ sent: 2, failed: 0 });
    expect(smtp.received).toHaveLength(2);
    for (const { rcptTo, mail } of smtp.received) {
      expect(rcptTo).toEqual([CAMPAIGNER]);
      expect(addresses(mail)).toEqual([CAMPAIGNER]);
      expect(mail.subject).toBe("[TEST] Release Zhanar Sekerbayeva");
      expect(mail.headers.get("x-urgent-letters-test")).toBe("yes");
      // The official's address is nowhere in what the relay received.
      expect(JSON.stringify(mail.headerLines)).not.toContain(OFFICIAL);
    }
    const rows = await database.db.select({ status: letters.status }).from(letters).where(inArray(letters.id, ids));
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent"]);
  });

  it("sends test letters above the daily cap as a digest to the campaigner, never to the official", async () => {
    const slug = await seedCampaign(database.db, { settings: { hourlyCap: 2, dailyCap: 2, retentionDays: 30 } });
    const official = await seedRecipient(database.db, { email: OFFICIAL });
    const ids = await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 4, queuedAt: t0 });
    await markTest(ids);

    const counts = await pass();
    expect(counts.sent + counts.digested).toBeGreaterThan(0);
    expect(smtp.received.length).toBeGreaterThan(0);
    expect(smtp.received.flatMap((r) => r.rcptTo)).toEqual(smtp.received.map(() => CAMPAIGNER));
    expect(smtp.received.some((r) => r.mail.messageId?.startsWith("<digest-"))).toBe(true);
    for (const { mail } of smtp.received) expect(mail.subject).toMatch(/^\[TEST\] /);
  });

  it("leaves a real letter as it was: to the official, no [TEST]", async () => {
    const slug = await seedCampaign(database.db);
    const official = await seedRecipient(database.db, { email: OFFICIAL });
    const [id] = await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 1, queuedAt: t0 });
    expect(await pass()).toMatchObject({ sent: 1 });
    expect(smtp.received.map((r) => r.rcptTo)).toEqual([[OFFICIAL]]);
    expect(smtp.received[0]!.mail.subject).toBe("Release Zhanar Sekerbayeva");
    const [row] = await database.db.select({ test: letters.test }).from(letters).where(eq(letters.id, id!));
    expect(row!.test).toBe(false);
  });
});
