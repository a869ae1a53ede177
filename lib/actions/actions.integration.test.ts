import path from "node:path";
import { count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { importContent } from "@/lib/content/import-content";
import type { TDatabase } from "@/lib/db/open";
import { actions, letters, letterTemplates } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { loadContent } from "@/lib/templates/load-content";
import { testDatabases } from "@/test/databases";
import { confirmAction, deleteExpiredActions, findConfirmation, markLetterDone } from "./confirm-action";
import { submitAction } from "./submit-action";
import { issueConfirmationToken } from "./issue-confirmation-token";
import { hashToken } from "./tokens";
import { deleteOldAllowances, takeAllowance } from "@/lib/limits/take-allowance";

const NOW = new Date("2026-11-23T10:00:00Z");
const HOUR = 60 * 60 * 1000;

function body(overrides: Record<string, unknown> = {}) {
  return {
    campaign: "dnc-sekerbayeva-charges",
    supporter: { name: "Marie Tremblay", email: "marie@example.org", city: "Montréal", country: "CA" },
    recipients: ["kz-president", "ca-minister-foreign-affairs", "ca-mp-chong"],
    delivery: "email",
    ...overrides,
  };
}

async function problemOf(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error("expected the submission to be refused");
}

describe.each(testDatabases())("submitting and confirming on $name", ({ open }) => {
  let database: TDatabase;
  const rows = async () => ({
    actions: (await database.db.select({ n: count() }).from(actions))[0]!.n,
    letters: (await database.db.select({ n: count() }).from(letters))[0]!.n,
  });

  beforeAll(async () => {
    database = await open();
    await importContent(database.db, await loadContent(path.join(process.cwd(), "templates")), "import");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("writes the action and one frozen letter per official, by email where the official takes email", async () => {
    const result = await submitAction(database.db, body(), { now: NOW, idempotencyKey: "key-1" });
    expect(result).toMatchObject({ status: "awaiting-confirmation", created: true });
    // No token is made until the link is mailed, and then only its hash is stored.
    const [stored] = await database.db.select().from(actions).where(eq(actions.id, result.id));
    expect(stored!.confirmTokenHash).toBeNull();
    const token = await issueConfirmationToken(database.db, result.id, NOW);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [issued] = await database.db.select().from(actions).where(eq(actions.id, result.id));
    expect(issued!.confirmTokenHash).toBe(hashToken(token!));
    const written = await database.db.select().from(letters).where(eq(letters.actionId, result.id));
    expect(written.map((l) => [l.recipientId, l.channel, l.status]).sort()).toEqual(
      [
        ["ca-minister-foreign-affairs", "email", "awaiting-confirmation"],
        ["ca-mp-chong", "email", "awaiting-confirmation"],
        ["kz-president", "post", "awaiting-confirmation"],
      ].sort(),
    );
    const anand = written.find((l) => l.recipientId === "ca-minister-foreign-affairs")!;
    expect(anand.body).toContain("Marie Tremblay");
    expect(anand.page.paper).toBe("LETTER");
    expect(anand.page.recipientAddress[0]).toBe("The Honourable Anita Anand, P.C., M.P.");
    // Each letter records the published template version it was written from.
    const templates = await database.db.select().from(letterTemplates).where(eq(letterTemplates.campaignSlug, "dnc-sekerbayeva-charges"));
    for (const letter of written) {
      const template = templates.find((t) => t.audienceId === letter.audienceId && t.language === letter.language)!;
      expect(template.versionId).not.toBeNull();
      expect(letter.templateVersionId).toBe(template.versionId);
    }
  });

  it("answers the same Idempotency-Key with the same answer and creates nothing new", async () => {
    const before = await rows();
    const [first] = await database.db.select().from(actions).where(sql`${actions.idempotencyKey} like '%:key-1'`);
    const again = await submitAction(database.db, body(), { now: NOW, idempotencyKey: "key-1" });
    expect(again).toMatchObject({ id: first!.id, status: "awaiting-confirmation", created: false });
    expect(await rows()).toEqual(before);
  });

  it("sends one letter by email per official per campaign from one address, decided when the owner confirms", async () => {
    // Marie's first letter to Michael Chong is confirmed (and so on its way).
    const first = await submitAction(database.db, body({ recipients: ["ca-mp-chong"] }), { now: NOW });
    const firstToken = (await issueConfirmationToken(database.db, first.id, NOW))!;
    expect((await confirmAction(database.db, firstToken, NOW)).outcome).toBe("confirmed");

    const repeat = await submitAction(database.db, body({ supporter: { name: "Marie T.", email: "MARIE@example.org", city: "Laval", country: "CA" }, recipients: ["ca-mp-chong", "ca-mp-mcpherson"] }), { now: NOW });
    const repeatToken = (await issueConfirmationToken(database.db, repeat.id, NOW))!;
    // The answer, and the letters listed for the action, look the same as anyone's: nothing reveals who has written.
    expect(repeat.status).toBe("awaiting-confirmation");
    const listed = await database.db.select({ recipientId: letters.recipientId }).from(letters).where(eq(letters.actionId, repeat.id));
    expect(listed.map((l) => l.recipientId).sort()).toEqual(["ca-mp-chong", "ca-mp-mcpherson"]);
    // Only the confirmation email, read by the address's owner, says so in advance (lib/mail/outbox tests).

    await confirmAction(database.db, repeatToken, NOW);
    const after = await database.db.select().from(letters).where(eq(letters.actionId, repeat.id));
    expect(after.map((l) => [l.recipientId, l.status, l.lastError]).sort()).toEqual([
      ["ca-mp-chong", "cancelled", "already-written"],
      ["ca-mp-mcpherson", "queued", null],
    ]);
  });

  it("does not let someone else's key reveal their action", async () => {
    const mine = await submitAction(database.db, body({ delivery: "post", recipients: ["kz-embassy-uk"], supporter: { name: "A", email: "a.key@example.org", city: "C", country: "IE" } }), { now: NOW, idempotencyKey: "shared-key" });
    const theirs = await submitAction(database.db, body({ delivery: "post", recipients: ["kz-embassy-uk"], supporter: { name: "B", email: "b.key@example.org", city: "C", country: "IE" } }), { now: NOW, idempotencyKey: "shared-key" });
    expect(theirs.id).not.toBe(mine.id);
    expect(theirs.created).toBe(true);
  });

  it("refuses bad input with one entry per field and writes nothing", async () => {
    const before = await rows();
    const problem = await problemOf(
      submitAction(
        database.db,
        body({ supporter: { name: "Eve\r\nBcc: victim@example.org", email: "eve@example.org\nBcc: x@y.z", city: "", country: "ZZ" }, delivery: "fax", recipients: ["nobody"] }),
        { now: NOW },
      ),
    );
    expect(problem.status).toBe(422);
    expect(problem.errors.map((e) => e.path).sort()).toEqual(["delivery", "recipients.0", "supporter.city", "supporter.country", "supporter.email", "supporter.name"]);
    expect(await rows()).toEqual(before);
  });

  it("refuses email delivery when none of the chosen officials takes email", async () => {
    const problem = await problemOf(submitAction(database.db, body({ recipients: ["kz-president"], supporter: { name: "A", email: "a@example.org", city: "B", country: "IE" } }), { now: NOW }));
    expect(problem.errors).toEqual([expect.objectContaining({ path: "delivery" })]);
  });

  it("queues the email letters when the link is followed, once", async () => {
    const result = await submitAction(database.db, body({ supporter: { name: "Paul", email: "paul@example.org", city: "Ottawa", country: "CA" } }), { now: NOW });
    const resultToken = (await issueConfirmationToken(database.db, result.id, NOW))!;
    const confirmed = await confirmAction(database.db, resultToken, new Date(NOW.getTime() + HOUR));
    expect(confirmed).toMatchObject({ outcome: "confirmed", actionId: result.id, campaignSlug: "dnc-sekerbayeva-charges" });
    const after = await database.db.select().from(letters).where(eq(letters.actionId, result.id));
    expect(after.filter((l) => l.status === "queued").map((l) => l.channel)).toEqual(["email", "email"]);
    expect(after.filter((l) => l.channel === "post").map((l) => l.status)).toEqual(["awaiting-confirmation"]);
    // The link works once: following it again only shows where the letters are.
    expect((await confirmAction(database.db, resultToken, new Date(NOW.getTime() + HOUR))).outcome).toBe("already-confirmed");
    expect(await database.db.select().from(letters).where(eq(letters.actionId, result.id))).toEqual(after);

    const post = after.find((l) => l.channel === "post")!;
    expect(await markLetterDone(database.db, result.id, post.id, NOW)).toBe(true);
    expect(await markLetterDone(database.db, result.id, post.id, NOW)).toBe(false);
    const [posted] = await database.db.select().from(letters).where(eq(letters.id, post.id));
    expect(posted!.status).toBe("posted");
  });

  it("lets a link expire after 48 hours, and deletes the unconfirmed action with its letters", async () => {
    const result = await submitAction(database.db, body({ supporter: { name: "Late", email: "late@example.org", city: "Ottawa", country: "CA" } }), { now: NOW });
    const resultToken = (await issueConfirmationToken(database.db, result.id, NOW))!;
    const later = new Date(NOW.getTime() + 49 * HOUR);
    expect((await confirmAction(database.db, resultToken, later)).outcome).toBe("expired");
    expect(await deleteExpiredActions(database.db, later)).toBeGreaterThanOrEqual(1);
    expect(await database.db.select().from(actions).where(eq(actions.id, result.id))).toEqual([]);
    expect(await database.db.select().from(letters).where(eq(letters.actionId, result.id))).toEqual([]);
  });

  it("shows what a link confirms without confirming it: opening the link leaves the letters waiting", async () => {
    const result = await submitAction(database.db, body({ supporter: { name: "Link Opener", email: "opener@example.org", city: "Ottawa", country: "CA" } }), { now: NOW });
    const resultToken = (await issueConfirmationToken(database.db, result.id, NOW))!;
    const found = await findConfirmation(database.db, resultToken, NOW);
    expect(found).toMatchObject({ outcome: "awaiting", actionId: result.id, supporterName: "Link Opener" });
    expect(found.outcome === "awaiting" && [...found.recipientIds].sort()).toEqual(["ca-minister-foreign-affairs", "ca-mp-chong"]);
    const statuses = await database.db.select({ status: letters.status }).from(letters).where(eq(letters.actionId, result.id));
    expect(statuses.every((l) => l.status === "awaiting-confirmation")).toBe(true);

    await confirmAction(database.db, resultToken, NOW);
    expect(await findConfirmation(database.db, resultToken, NOW)).toMatchObject({ outcome: "already-confirmed", actionId: result.id });
    expect((await findConfirmation(database.db, "A".repeat(43), NOW)).outcome).toBe("unknown");
  });

  it("limits submissions per email address per hour", async () => {
    const submit = () => submitAction(database.db, body({ delivery: "post", recipients: ["kz-embassy-us"], supporter: { name: "R", email: "rate@example.org", city: "C", country: "IE" } }), { now: NOW });
    for (let i = 0; i < 5; i++) await submit();
    expect((await problemOf(submit())).status).toBe(429);
  });

  it("limits submissions per IP address per hour, whatever the addresses used", async () => {
    let n = 0;
    const submit = () =>
      submitAction(database.db, body({ delivery: "post", recipients: ["kz-embassy-us"], supporter: { name: "R", email: `ip${++n}@example.org`, city: "C", country: "IE" } }), {
        now: NOW,
        ipHash: "one-busy-address",
        rateLimits: { perIpPerHour: 3, perEmailPerHour: 5 },
      });
    for (let i = 0; i < 3; i++) await submit();
    expect((await problemOf(submit())).status).toBe(429);
    // Another address is not held back by this one.
    const other = await submitAction(database.db, body({ delivery: "post", recipients: ["kz-embassy-us"], supporter: { name: "R", email: "other-ip@example.org", city: "C", country: "IE" } }), {
      now: NOW,
      ipHash: "another-address",
      rateLimits: { perIpPerHour: 3, perEmailPerHour: 5 },
    });
    expect(other.created).toBe(true);
  });

  it("counts a mailbox once however it is spelled: +tags, Gmail's dots and letter case", async () => {
    const spellings = ["victim@gmail.com", "Victim+1@gmail.com", "v.i.c.t.i.m+2@gmail.com", "VICTIM@googlemail.com", "vic.tim@Gmail.com"];
    const submit = (email: string, i: number) =>
      submitAction(database.db, body({ supporter: { name: "V", email, city: "C", country: "CA" } }), { now: NOW, ipHash: `spread-${i}` });
    for (const [i, email] of spellings.entries()) expect((await submit(email, i)).created).toBe(true);
    // The sixth submission in the hour, from yet another IP and another spelling, is over the mailbox's limit.
    const refused = await problemOf(submit("victim+6@gmail.com", 99));
    expect(refused.status).toBe(429);
    // It says when a place frees up: when the oldest of the five leaves the hour.
    expect(refused.retryAfter).toBe(3600);
    const later = await submitAction(database.db, body({ supporter: { name: "V", email: "victim+7@gmail.com", city: "C", country: "CA" } }), {
      now: new Date(NOW.getTime() + HOUR + 1000),
      ipHash: "later",
    });
    expect(later.created).toBe(true);
  });

  it("caps the confirmation emails one mailbox gets in a day, whatever the IP", async () => {
    let n = 0;
    const submit = (at: number) =>
      submitAction(database.db, body({ supporter: { name: "D", email: `daily+${++n}@example.org`, city: "C", country: "CA" } }), {
        now: new Date(NOW.getTime() + at * HOUR),
        ipHash: `ip-${n}`,
        rateLimits: { perIpPerHour: 60, perEmailPerHour: 5, confirmationsPerDay: 3 },
      });
    for (let hour = 0; hour < 3; hour++) await submit(hour * 2);
    const refused = await problemOf(submit(7));
    expect(refused.status).toBe(429);
    expect(refused.message).toContain("today");
    // 24 hours after the first, the mailbox may be asked again.
    expect(refused.retryAfter).toBe(17 * 3600);
    // Printing and posting sends the mailbox nothing: not capped by this.
    const post = await submitAction(database.db, body({ delivery: "post", recipients: ["kz-embassy-us"], supporter: { name: "D", email: "daily+post@example.org", city: "C", country: "IE" } }), {
      now: new Date(NOW.getTime() + 7 * HOUR),
      ipHash: "ip-post",
      rateLimits: { perIpPerHour: 60, perEmailPerHour: 5, confirmationsPerDay: 3 },
    });
    expect(post.created).toBe(true);
  });

  it("refuses an Idempotency-Key reused with another body, and answers the same body as before", async () => {
    const first = await submitAction(database.db, body({ supporter: { name: "K", email: "key@example.org", city: "C", country: "CA" } }), { now: NOW, idempotencyKey: "reused-key" });
    const same = await submitAction(database.db, body({ supporter: { name: "K", email: "key@example.org", city: "C", country: "CA" } }), { now: NOW, idempotencyKey: "reused-key" });
    expect(same).toMatchObject({ id: first.id, created: false });
    const before = await rows();
    const other = await problemOf(
      submitAction(database.db, body({ supporter: { name: "K", email: "key@example.org", city: "C", country: "CA" }, personalNote: "changed" }), { now: NOW, idempotencyKey: "reused-key" }),
    );
    expect(other.status).toBe(422);
    expect(other.errors).toEqual([expect.objectContaining({ path: "Idempotency-Key", code: "idempotencyKeyReused" })]);
    expect(await rows()).toEqual(before);
  });
});

describe.each(testDatabases())("limits counted in the database on $name", ({ open }) => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("spends an allowance by points within a minute of the first request, says how long to wait, then opens a new minute", async () => {
    const at = (seconds: number) => new Date(Date.parse("2026-12-01T10:00:50Z") + seconds * 1000);
    const take = (points: number, seconds: number) => takeAllowance(database.db, { key: "pdf:test", points, perMinute: 10, now: at(seconds) });
    expect(await take(7, 0)).toBeUndefined();
    // The window is the first request's minute, not the clock's: 10:00:50 to 10:01:50.
    expect(await take(3, 20)).toBeUndefined();
    expect(await take(1, 30)).toBe(30);
    expect(await take(1, 61)).toBeUndefined();
    // Another key has its own allowance.
    expect(await takeAllowance(database.db, { key: "pdf:other", points: 10, perMinute: 10, now: at(0) })).toBeUndefined();
    expect(await deleteOldAllowances(database.db, at(3 * 3600))).toBe(2);
  });
});
