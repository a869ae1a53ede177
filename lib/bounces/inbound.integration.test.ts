/**
 * Bounces over real SMTP: a DSN or an automatic reply sent with nodemailer to the bounce receiver. On Postgres the
 * receiver is `npm run inbound` in its own process, as an operator runs it; the embedded PGlite can be opened by one
 * process only, so there the same server runs in the test's process.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { eq, inArray } from "drizzle-orm";
import nodemailer from "nodemailer";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/open";
import { letterAttempts, letters, recipients } from "@/lib/db/schema";
import { startProcess, type TAppProcess } from "@/test/app-process";
import { testDatabases } from "@/test/databases";
import { seedCampaign, seedLetters, seedRecipient, TEST_MAIL_FROM, wipeDelivery } from "@/test/delivery/seed";
import { startInboundServer, type TInboundServer } from "./start-inbound-server";

const t0 = new Date("2026-03-02T10:00:00Z");
const FIXTURE_LETTER = "0b6f7a52-3c1d-4e8a-9f2b-5d4c3b2a1f00";
const FIXTURE_DIGEST = "1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f";
const fixture = (name: string, from: string, to: string) =>
  readFileSync(path.join(process.cwd(), "test/fixtures/bounces", name), "utf8").replaceAll(from, to);
const returnPath = (id: string) => `bounces+${id}@urgent-letters.test`;

describe.each(testDatabases())("bounces after acceptance, on $name", ({ name, open }) => {
  let database: TDatabase & { url?: string };
  let child: TAppProcess | undefined;
  let inProcess: TInboundServer | undefined;
  let port: number;
  let slug: string;

  /** Sends raw mail with a null sender (<>), as a mail server sends a bounce. */
  async function deliver(raw: string, to: string): Promise<void> {
    const client = nodemailer.createTransport({ host: "127.0.0.1", port, secure: false, ignoreTLS: true });
    try {
      await client.sendMail({ envelope: { from: "", to }, raw });
    } finally {
      client.close();
    }
  }

  async function sentLetters(official: string, count: number, digestId?: string): Promise<string[]> {
    const ids = await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count, queuedAt: t0 });
    for (const id of ids) {
      await database.db
        .update(letters)
        .set({ status: "sent", sentAt: new Date(), attempts: 1, digestId: digestId ?? null, messageId: digestId ? `<digest-${digestId}@urgent-letters.test>` : `<letter-${id}@urgent-letters.test>` })
        .where(eq(letters.id, id));
    }
    return ids;
  }
  const rows = (ids: string[]) => database.db.select().from(letters).where(inArray(letters.id, ids));
  const tries = (ids: string[]) => database.db.select().from(letterAttempts).where(inArray(letterAttempts.letterId, ids));

  beforeAll(async () => {
    database = await open();
    if (name === "postgres") {
      port = 3325;
      child = startProcess([], {
        command: "npm",
        args: ["run", "--silent", "inbound"],
        env: { DATABASE_URL: database.url!, INBOUND_PORT: String(port), INBOUND_HOST: "127.0.0.1", MAIL_FROM: TEST_MAIL_FROM },
      });
      const deadline = Date.now() + 60_000;
      while (!/bounce receiver: SMTP on/.test(child.output())) {
        if (Date.now() > deadline || child.output().includes("Error")) throw new Error(`npm run inbound did not start:\n${child.output()}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    } else {
      inProcess = await startInboundServer({ db: database.db, port: 3326, host: "127.0.0.1", settings: { mailFrom: TEST_MAIL_FROM }, log: () => {} });
      port = inProcess.port;
    }
  }, 90_000);
  afterAll(async () => {
    await child?.stop(5000);
    await inProcess?.close();
    await database?.close();
  });
  beforeEach(async () => {
    await wipeDelivery(database.db);
    slug = await seedCampaign(database.db);
  });

  it("marks a sent letter bounced when a DSN (5.1.1) comes back to its return path, with the remote server's words", async () => {
    const official = await seedRecipient(database.db);
    const [id] = await sentLetters(official, 1);
    await deliver(fixture("postfix-user-unknown.eml", FIXTURE_LETTER, id!), returnPath(id!));
    expect((await rows([id!]))[0]).toMatchObject({ status: "bounced" });
    expect((await tries([id!])).map((t) => [t.outcome, t.reply])).toEqual([["bounced", expect.stringMatching(/^bounced: 5\.1\.1 for minister@gov\.example \(550 5\.1\.1/)]]);
    expect((await database.db.select().from(recipients).where(eq(recipients.id, official)))[0]).toMatchObject({ hardFailures: 1, emailSuspect: false });
  });

  it("keeps a letter sent, with a note, when an out-of-office reply comes back", async () => {
    const official = await seedRecipient(database.db);
    const [id] = await sentLetters(official, 1);
    await deliver(fixture("out-of-office-exchange.eml", "7d3e2c1b-9a8f-4e6d-b5c4-a3b2c1d0e9f8", id!), returnPath(id!));
    expect((await rows([id!]))[0]).toMatchObject({ status: "sent" });
    expect((await tries([id!])).map((t) => [t.outcome, t.reply])).toEqual([["soft-bounce", "automatic reply: Automatic reply: Release Zhanar Sekerbayeva"]]);
    expect((await database.db.select().from(recipients).where(eq(recipients.id, official)))[0]).toMatchObject({ hardFailures: 0 });
  });

  it("marks every letter of a digest bounced, and three hard bounces in a row flag the address suspect", async () => {
    const official = await seedRecipient(database.db);
    const digestIds = ["3a1f5c2e-0d4b-4e6a-8c9d-1b2a3c4d5e6f", "4b2e6d3f-1e5c-4f7b-9d0e-2c3b4d5e6f70", "5c3f7e40-2f6d-4a8c-8e1f-3d4c5e6f7081"];
    const all: string[] = [];
    for (const [k, digestId] of digestIds.entries()) {
      const ids = await sentLetters(official, k === 0 ? 3 : 1, digestId);
      all.push(...ids);
      await deliver(fixture("gmail-no-such-user.eml", FIXTURE_DIGEST, digestId), returnPath(digestId));
      const official$ = (await database.db.select().from(recipients).where(eq(recipients.id, official)))[0]!;
      expect([official$.hardFailures, official$.emailSuspect]).toEqual([k + 1, k + 1 >= 3]);
    }
    expect((await rows(all)).map((r) => r.status)).toEqual(all.map(() => "bounced"));
    // The same bounce delivered again changes nothing more.
    await deliver(fixture("gmail-no-such-user.eml", FIXTURE_DIGEST, digestIds[2]!), returnPath(digestIds[2]!));
    expect((await database.db.select().from(recipients).where(eq(recipients.id, official)))[0]!.hardFailures).toBe(3);
  });

  it("flags the address after three bounced emails even when the relay accepted other letters in between", async () => {
    const official = await seedRecipient(database.db);
    const ids = await sentLetters(official, 3);
    for (const [k, id] of ids.entries()) {
      await deliver(fixture("postfix-user-unknown.eml", FIXTURE_LETTER, id), returnPath(id));
      // Meanwhile the relay took another letter to this official, which ends a run of 5xx replies (deliver.ts).
      if (k < 2) await database.db.update(recipients).set({ hardFailures: 0 }).where(eq(recipients.id, official));
    }
    expect((await database.db.select().from(recipients).where(eq(recipients.id, official)))[0]).toMatchObject({ hardFailures: 1, emailSuspect: true });
  });

  it("finds the letter by the Message-ID the DSN quotes when the return path names none of ours", async () => {
    const official = await seedRecipient(database.db);
    const [id] = await sentLetters(official, 1);
    const unknown = "9e9e9e9e-9e9e-4e9e-9e9e-9e9e9e9e9e9e";
    await deliver(fixture("postfix-user-unknown.eml", FIXTURE_LETTER, id!), returnPath(unknown));
    expect((await rows([id!]))[0]).toMatchObject({ status: "bounced" });
  });

  it("refuses mail for any other address at RCPT", async () => {
    await expect(deliver("Subject: hello\r\n\r\nhi\r\n", "letters@urgent-letters.test")).rejects.toMatchObject({ responseCode: 550 });
    await expect(deliver("Subject: hello\r\n\r\nhi\r\n", "bounces+not-an-id@urgent-letters.test")).rejects.toMatchObject({ responseCode: 550 });
    await expect(deliver("Subject: hello\r\n\r\nhi\r\n", returnPath(FIXTURE_LETTER).replace("urgent-letters.test", "elsewhere.test"))).rejects.toMatchObject({
      responseCode: 550,
    });
  });
});
