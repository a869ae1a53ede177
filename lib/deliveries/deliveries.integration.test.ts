/**
 * Deliveries on a real database (PGlite, and Postgres when DATABASE_URL is set) with a real SMTP server: letters to
 * a suspect address are held, not sent, until the flag is cleared; the page's filters and search; retry and cancel
 * change only the letters their guard allows, and say how many.
 */
import { and, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/open";
import { auditLog, letterAttempts, letters, recipients } from "@/lib/db/schema";
import { HELD_REPLY } from "@/lib/delivery/claim-letters";
import { sendDueLetters } from "@/lib/delivery/send-due-letters";
import { createMailTransport, type TMailTransport } from "@/lib/mail/transport";
import { clearSuspect } from "@/lib/recipients/clear-suspect";
import { testDatabases } from "@/test/databases";
import { seedCampaign, seedLetters, seedRecipient, TEST_MAIL_FROM, TEST_ORGANISATION, wipeDelivery } from "@/test/delivery/seed";
import { startTestSmtp, type TTestSmtp } from "@/test/delivery/smtp";
import { cancelLetters } from "./cancel-letters";
import { getLetter } from "./get-letter";
import { listLetters } from "./list-letters";
import { listSuspectRecipients } from "./list-suspect-recipients";
import { previewLetterAction } from "./preview-letter-action";
import { retryLetters } from "./retry-letters";

const t0 = new Date("2026-03-02T10:00:00Z");
const ACTOR = "editor@example.org";

describe.each(testDatabases())("deliveries on $name", ({ open }) => {
  let database: TDatabase;
  let smtp: TTestSmtp;
  let transport: TMailTransport;
  let clock: Date;

  const pass = () =>
    sendDueLetters({ db: database.db, transport, now: () => clock, random: () => 0.5, mailFrom: TEST_MAIL_FROM, organisationName: TEST_ORGANISATION, log: () => {} });
  const statuses = async (ids: string[]) => (await database.db.select({ status: letters.status }).from(letters).where(inArray(letters.id, ids))).map((r) => r.status).sort();

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
    clock = t0;
  });

  it("holds the letters to a suspect address instead of sending them, and sends them once the flag is cleared", async () => {
    const slug = await seedCampaign(database.db);
    const suspect = await seedRecipient(database.db, { id: "official-suspect" });
    const trusted = await seedRecipient(database.db, { id: "official-trusted" });
    await database.db.update(recipients).set({ emailSuspect: true, hardFailures: 3 }).where(eq(recipients.id, suspect));
    const held = await seedLetters(database.db, { campaignSlug: slug, recipientId: suspect, count: 3, queuedAt: t0 });
    const sent = await seedLetters(database.db, { campaignSlug: slug, recipientId: trusted, count: 1, queuedAt: t0 });

    await pass();
    // Only the trusted official's letter reached the server; the suspect's letters wait, each with a line saying why.
    expect(smtp.raw.length).toBe(1);
    expect((await smtp.messages())[0]!.to).toMatchObject({ text: expect.stringContaining(`${trusted}@embassy.test`) });
    expect(await statuses(held)).toEqual(["held", "held", "held"]);
    expect(await statuses(sent)).toEqual(["sent"]);
    const lines = await database.db.select().from(letterAttempts).where(inArray(letterAttempts.letterId, held));
    expect(lines.map((l) => [l.outcome, l.reply])).toEqual(held.map(() => ["held", HELD_REPLY]));
    // Another pass sends nothing more and holds nothing twice.
    clock = new Date(t0.getTime() + 60_000);
    await pass();
    expect(smtp.raw.length).toBe(1);
    expect((await database.db.select().from(letterAttempts).where(inArray(letterAttempts.letterId, held))).length).toBe(3);
    const [listed] = await listSuspectRecipients(database.db);
    expect(listed).toMatchObject({ id: suspect, held: 3, hardFailures: 3 });

    // The campaigner checks the address and clears the flag: the held letters go back to the queue and out.
    expect(await clearSuspect(database.db, suspect, "checked on the embassy's site", ACTOR, clock)).toEqual({ released: 3 });
    expect(await statuses(held)).toEqual(["queued", "queued", "queued"]);
    await pass();
    await smtp.waitForMessages(4);
    expect(await statuses(held)).toEqual(["sent", "sent", "sent"]);
    expect(await listSuspectRecipients(database.db)).toEqual([]);
  });

  it("holds an official's next letters once its relay refused three in a row (550)", async () => {
    const slug = await seedCampaign(database.db);
    const official = await seedRecipient(database.db, { id: "official-refused" });
    const refused = await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 3, queuedAt: t0 });
    smtp.behaviour = "550";
    await pass();
    expect(await statuses(refused)).toEqual(["failed", "failed", "failed"]);
    const [row] = await database.db.select().from(recipients).where(eq(recipients.id, official));
    expect(row!.emailSuspect).toBe(true);

    smtp.behaviour = "accept";
    clock = new Date(t0.getTime() + 60_000);
    const later = await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 2, queuedAt: clock });
    await pass();
    expect(smtp.raw.length).toBe(0);
    expect(await statuses(later)).toEqual(["held", "held"]);
    // The list shows the relay's last replies for it.
    const [listed] = await listSuspectRecipients(database.db);
    expect(listed!.lastReplies).toHaveLength(3);
    expect(listed!.lastReplies[0]!.reply).toContain("550");

    // Retrying a failed letter to it only holds it again: nothing goes to a suspect address.
    expect(await retryLetters(database.db, { ids: [refused[0]!] }, ACTOR, clock)).toEqual({ changed: 1 });
    await pass();
    expect(smtp.raw.length).toBe(0);
    expect(await statuses([refused[0]!])).toEqual(["held"]);
    // Cancelling its held letters by filter leaves none waiting.
    const selection = { filter: { recipient: official, status: "held" as const } };
    expect((await previewLetterAction(database.db, "cancel", selection)).count).toBe(3);
    expect(await cancelLetters(database.db, selection, ACTOR)).toEqual({ changed: 3 });
    expect((await listSuspectRecipients(database.db))[0]!.held).toBe(0);
  });

  it("filters and searches the letters, pages them, and shows one with its tries", async () => {
    const slug = await seedCampaign(database.db);
    const other = await seedCampaign(database.db, { slug: "other-campaign" });
    const ambassador = await seedRecipient(database.db, { id: "official-ambassador", name: "H.E. Olzhas Example" });
    const minister = await seedRecipient(database.db, { id: "official-minister", name: "Minister Anna Sample" });
    const a = await seedLetters(database.db, { campaignSlug: slug, recipientId: ambassador, count: 7, queuedAt: t0 });
    const b = await seedLetters(database.db, { campaignSlug: other, recipientId: minister, count: 5, queuedAt: t0 });
    await database.db.update(letters).set({ status: "failed", lastError: "550 No such mailbox" }).where(inArray(letters.id, a.slice(0, 2)));

    const all = await listLetters(database.db, {}, { pageSize: 5 });
    expect(all.total).toBe(12);
    expect(all.rows).toHaveLength(5);
    const third = await listLetters(database.db, {}, { pageSize: 5, page: 3 });
    expect(third.rows).toHaveLength(2);
    expect(new Set([...all.rows, ...(await listLetters(database.db, {}, { pageSize: 5, page: 2 })).rows, ...third.rows].map((r) => r.id)).size).toBe(12);

    expect((await listLetters(database.db, { q: "olzhas" })).total).toBe(7);
    expect((await listLetters(database.db, { q: "anna sample" })).rows.map((r) => r.official)).toEqual(b.map(() => "Minister Anna Sample"));
    expect((await listLetters(database.db, { q: "nobody at all" })).total).toBe(0);
    expect((await listLetters(database.db, { q: "example", status: "failed" })).total).toBe(2);
    expect((await listLetters(database.db, { campaign: other, channel: "email", language: "en" })).total).toBe(5);
    expect((await listLetters(database.db, { from: "2026-03-02", to: "2026-03-02" })).total).toBe(12);
    expect((await listLetters(database.db, { from: "2026-03-03" })).total).toBe(0);

    const found = await getLetter(database.db, a[0]!, { withSupporterEmail: false });
    expect(found!.official.name).toBe("H.E. Olzhas Example");
    expect(found!.supporter).not.toHaveProperty("email");
    expect((await getLetter(database.db, a[0]!, { withSupporterEmail: true }))!.supporter.email).toMatch(/@example\.org$/);
  });

  it("retries only failed letters and cancels only queued or held ones, counting what changed and auditing it", async () => {
    const slug = await seedCampaign(database.db);
    const official = await seedRecipient(database.db, { id: "official-one", name: "Official One" });
    const ids = await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 6, queuedAt: t0 });
    const set = (status: (typeof letters.$inferSelect)["status"], which: string[]) => database.db.update(letters).set({ status }).where(inArray(letters.id, which));
    await set("failed", ids.slice(0, 2));
    await set("sent", ids.slice(2, 3));
    await set("held", ids.slice(3, 4));
    // ids 4 and 5 stay queued.

    const everything = { filter: { recipient: official } };
    expect(await previewLetterAction(database.db, "retry", everything)).toMatchObject({ count: 2, byStatus: { failed: 2 }, officials: [{ id: official, name: "Official One", count: 2 }], officialCount: 1 });
    expect(await previewLetterAction(database.db, "cancel", everything)).toMatchObject({ count: 3, byStatus: { queued: 2, held: 1 } });
    // Ticked letters: only the failed one among them is retried.
    expect(await retryLetters(database.db, { ids: [ids[0]!, ids[2]!, ids[4]!] }, ACTOR, t0)).toEqual({ changed: 1 });
    const [retried] = await database.db.select().from(letters).where(eq(letters.id, ids[0]!));
    expect(retried).toMatchObject({ status: "queued", nextAttemptAt: t0 });
    expect(await cancelLetters(database.db, everything, ACTOR)).toEqual({ changed: 4 });
    expect(await statuses(ids)).toEqual(["cancelled", "cancelled", "cancelled", "cancelled", "failed", "sent"]);
    // Doing it again changes nothing, and says so.
    expect(await cancelLetters(database.db, everything, ACTOR)).toEqual({ changed: 0 });
    const audit = await database.db.select().from(auditLog).where(and(eq(auditLog.actor, ACTOR), inArray(auditLog.action, ["retry letters", "cancel letters"])));
    expect(audit.map((a) => [a.action, (a.detail as { changed: number }).changed]).slice(-3)).toEqual([
      ["retry letters", 1],
      ["cancel letters", 4],
      ["cancel letters", 0],
    ]);
  });
});
