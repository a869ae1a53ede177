/**
 * A worker killed with SIGKILL in the middle of a batch loses nothing: the letters it held stay 'sending' with a lock
 * that expires, and a fresh worker takes them again. A letter whose data the server had already received when the
 * worker died (it never saw the "250") is sent a second time; both copies carry the same Message-ID, derived from
 * the letter id, so the receiving side can drop the copy.
 *
 * The lock is short and renewed while the worker lives (keep-locks.ts), so the takeover comes within 30 s of the
 * kill, on the real clock, by a worker loop started as `npm run worker` starts it.
 */
import { spawn } from "node:child_process";
import { once } from "node:events";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase, type TDatabase } from "@/lib/db/open";
import { letters } from "@/lib/db/schema";
import { createMailTransport } from "@/lib/mail/transport";
import { testDatabases } from "@/test/databases";
import { DEFAULT_CONCURRENCY, DEFAULT_LOCK_MS } from "./send-due-letters";
import { startWorker } from "./worker";
import { seedCampaign, seedLetters, seedRecipient, TEST_MAIL_FROM, TEST_ORGANISATION } from "@/test/delivery/seed";
import { startTestSmtp } from "@/test/delivery/smtp";

const CHILD = fileURLToPath(new URL("../../test/delivery/kill-child.ts", import.meta.url));
const LETTERS = 16;
/** The bound: a dead worker's letters are taken over within 30 s. */
const TAKEOVER_MS = 30_000;

describe.each(testDatabases())("a worker killed mid-batch on $name", ({ name, open }) => {
  const cleanup: (() => Promise<void>)[] = [];
  afterAll(async () => {
    for (const step of cleanup.reverse()) await step();
  });

  it("loses no letter, takes the dead worker's letters over within 30 s, and any copy sent twice has the same Message-ID", { timeout: 150_000 }, async () => {
    // PGlite: a data directory the child owns while it runs; the test reopens it only once the child is dead.
    const dataDir = name === "pglite" ? await mkdtemp(path.join(os.tmpdir(), "ul-kill-")) : undefined;
    if (dataDir) cleanup.push(() => rm(dataDir, { recursive: true, force: true }));
    let database: TDatabase & { url?: string } = dataDir ? await openDatabase({ dataDir }) : await open();

    const slug = await seedCampaign(database.db);
    const ids: string[] = [];
    for (const official of [await seedRecipient(database.db), await seedRecipient(database.db)]) {
      ids.push(...(await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: LETTERS / 2, queuedAt: new Date(Date.now() - 1000) })));
    }
    if (dataDir) await database.close();
    else cleanup.push(() => database.close());

    // Slow answers keep the child mid-batch long enough to be killed there.
    const smtp = await startTestSmtp({ delayMs: 400 });
    cleanup.push(() => smtp.stop());
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", CHILD], {
      cwd: process.cwd(),
      env: { ...process.env, KILL_DATABASE_URL: database.url ?? "", KILL_DATA_DIR: dataDir ?? "", KILL_SMTP_URL: smtp.url, KILL_LOCK_MS: String(DEFAULT_LOCK_MS) },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    const exited = once(child, "exit");
    try {
      // Six arrivals: the first answers have come back (those letters are recorded as sent), later ones have not.
      await smtp.waitForMessages(6, 90_000);
    } catch (error) {
      child.kill("SIGKILL");
      throw new Error(`${(error as Error).message}; child said:\n${output}`);
    }
    child.kill("SIGKILL");
    const killedAt = Date.now();
    const [, signal] = await exited;
    expect(signal).toBe("SIGKILL");
    expect(output).not.toContain("pass finished");
    const beforeRestart = smtp.raw.length;
    expect(beforeRestart).toBeLessThan(LETTERS);

    if (dataDir) {
      database = await openDatabase({ dataDir, migrate: false });
      cleanup.push(() => database.close());
    }
    const { db } = database;
    const before = await db.select().from(letters);
    const stuck = before.filter((r) => r.status === "sending");
    expect(stuck.length).toBeGreaterThan(0);
    expect(before.filter((r) => r.status === "sent").length).toBeGreaterThan(0);
    // The dead worker's lock is a short one, not minutes.
    for (const r of stuck) expect(r.lockedUntil!.getTime()).toBeLessThanOrEqual(killedAt + DEFAULT_LOCK_MS);

    // A fresh worker on the real clock, as `npm run worker` runs it: it takes the letters once the lock has expired.
    smtp.delayMs = 0;
    const transport = createMailTransport({ smtpUrl: smtp.url, db, timeoutMs: 10_000 });
    cleanup.push(async () => transport.close());
    const worker = startWorker({ db, transport, mailFrom: TEST_MAIL_FROM, organisationName: TEST_ORGANISATION, outbox: false, log: () => {} });
    let rows = await db.select().from(letters);
    try {
      while (Date.now() - killedAt <= TAKEOVER_MS && !rows.every((r) => r.status === "sent")) {
        await new Promise((r) => setTimeout(r, 250));
        rows = await db.select().from(letters);
      }
    } finally {
      await worker.stop();
    }
    const takenOverAfter = Date.now() - killedAt;
    expect(rows.filter((r) => ids.includes(r.id)).every((r) => r.status === "sent")).toBe(true);
    expect(takenOverAfter).toBeLessThanOrEqual(TAKEOVER_MS);
    const arrived = (await smtp.messages()).map((m) => m.messageId!);
    const expected = rows.map((r) => `<letter-${r.id}@urgent-letters.test>`);
    // Every letter arrived at least once…
    expect(new Set(arrived)).toEqual(new Set(expected));
    // …and a copy can only come from a letter that was on the wire when the worker died, with the same Message-ID.
    const copies = arrived.length - expected.length;
    expect(copies).toBeGreaterThanOrEqual(0);
    expect(copies).toBeLessThanOrEqual(DEFAULT_CONCURRENCY);
  });
});
