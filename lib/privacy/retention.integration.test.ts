/**
 * The retention job on PGlite and on Postgres: supporters of a campaign closed longer ago than its retentionDays are
 * anonymised, others are not, the numbers stay, captured mail older than 7 days goes, and the hourly claim lets one
 * run through per hour however many workers ask.
 */
import { and, asc, count, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/open";
import path from "node:path";
import { importContent } from "@/lib/content/import-content";
import { actions, campaigns, capturedMail, jobRuns, letters, outbox } from "@/lib/db/schema";
import { startWorker } from "@/lib/delivery/worker";
import { createMailTransport } from "@/lib/mail/transport";
import { loadContent } from "@/lib/templates/load-content";
import { NO_CAPS, seedCampaign, seedLetters, seedRecipient } from "@/test/delivery/seed";
import { testDatabases } from "@/test/databases";
import { applyRetention } from "./apply-retention";
import { runRetentionWhenDue } from "./run-retention-when-due";

const DAY = 86_400_000;
const NOW = new Date("2026-11-23T10:00:00Z");

describe.each(testDatabases())("the retention job on $name", ({ open }) => {
  let database: TDatabase;
  let official: string;
  beforeAll(async () => {
    database = await open();
    official = await seedRecipient(database.db, { id: "official-retention" });
    // Closed 200 days ago, kept 180 days: due. Closed 10 days ago: not yet. Live: never.
    for (const slug of ["closed-long-ago", "closed-recently", "still-live"]) await seedCampaign(database.db, { slug, settings: NO_CAPS });
    await database.db.update(campaigns).set({ status: "closed", closedAt: new Date(NOW.getTime() - 200 * DAY) }).where(eq(campaigns.slug, "closed-long-ago"));
    await database.db.update(campaigns).set({ status: "closed", closedAt: new Date(NOW.getTime() - 10 * DAY) }).where(eq(campaigns.slug, "closed-recently"));
    const queuedAt = new Date(NOW.getTime() - 300 * DAY);
    for (const slug of ["closed-long-ago", "closed-recently", "still-live"]) {
      const ids = await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: 3, queuedAt });
      // Two went out; the third is still waiting (a closed campaign's queue is not sent any more).
      await database.db.update(letters).set({ status: "sent", sentAt: queuedAt }).where(sql`${letters.id} in (${sql.join(ids.slice(0, 2).map((id) => sql`${id}::uuid`), sql`, `)})`);
    }
    await database.db
      .update(actions)
      .set({ personalNote: "Please free her.", postalAddress: "1 Main St", ipHash: "abc", consent: { updates: true } })
      .where(sql`true`);
    const [oldAction] = await database.db.select({ id: actions.id }).from(actions).where(eq(actions.campaignSlug, "closed-long-ago")).limit(1);
    await database.db.insert(outbox).values({ kind: "confirmation", message: { actionId: oldAction!.id, token: "t".repeat(43), language: "en" } });
    await database.db.insert(capturedMail).values([
      { kind: "letter", to: "a@example.org", from: "x@example.org", subject: "old", raw: "old", createdAt: new Date(NOW.getTime() - 8 * DAY) },
      { kind: "letter", to: "a@example.org", from: "x@example.org", subject: "recent", raw: "recent", createdAt: new Date(NOW.getTime() - 6 * DAY) },
    ]);
  });
  afterAll(async () => {
    await database?.close();
  });

  const numbers = () =>
    database.db
      .select({ campaign: letters.campaignSlug, recipient: letters.recipientId, channel: letters.channel, sentAt: letters.sentAt, n: count() })
      .from(letters)
      .where(eq(letters.status, "sent"))
      .groupBy(letters.campaignSlug, letters.recipientId, letters.channel, letters.sentAt)
      .orderBy(asc(letters.campaignSlug));
  const supporters = (slug: string) =>
    database.db
      .select({ name: actions.supporterName, email: actions.supporterEmail, city: actions.city, note: actions.personalNote, address: actions.postalAddress, ip: actions.ipHash, consent: actions.consent, anonymisedAt: actions.anonymisedAt, country: actions.country, createdAt: actions.createdAt })
      .from(actions)
      .where(eq(actions.campaignSlug, slug));
  const lettersOf = (slug: string) =>
    database.db.select({ body: letters.body, page: letters.page, status: letters.status, subject: letters.subject }).from(letters).where(eq(letters.campaignSlug, slug));

  it("anonymises the supporters of a campaign closed longer ago than its retention, and only them; the numbers stay", async () => {
    const before = await numbers();
    const result = await applyRetention(database.db, NOW);
    expect(result).toMatchObject({ actions: 3, letters: 3, outbox: 1, capturedMail: 1 });

    for (const a of await supporters("closed-long-ago")) {
      expect(a).toMatchObject({ name: "", email: "", city: "", note: null, address: null, ip: null, consent: {}, country: "IE" });
      expect(a.anonymisedAt).toEqual(NOW);
    }
    const old = await lettersOf("closed-long-ago");
    for (const l of old) {
      expect(l.body).toBe("");
      expect(l.page.blocks).toEqual([]);
      expect(l.page.sender).toEqual([]);
      expect(JSON.stringify(l.page)).not.toMatch(/Supporter Number|City\d/);
    }
    // Sent letters still count as sent; the one that never left is cancelled, not sent later with no text.
    expect(old.map((l) => l.status).sort()).toEqual(["cancelled", "sent", "sent"]);
    expect(await numbers()).toEqual(before);

    for (const slug of ["closed-recently", "still-live"]) {
      for (const a of await supporters(slug)) expect(a).toMatchObject({ note: "Please free her.", address: "1 Main St", ip: "abc", anonymisedAt: null });
      for (const l of await lettersOf(slug)) expect(l.body).toMatch(/^Your Excellency,/);
      expect((await supporters(slug)).every((a) => /^Supporter Number\d$/.test(a.name) && (a.email ?? "").endsWith("@example.org"))).toBe(true);
    }
    // The confirmation waiting for an old action is gone; captured mail older than 7 days too, newer kept.
    expect((await database.db.select({ n: count() }).from(outbox))[0]!.n).toBe(0);
    expect((await database.db.select({ subject: capturedMail.subject }).from(capturedMail)).map((m) => m.subject)).toEqual(["recent"]);
  });

  it("is idempotent: a second run changes nothing", async () => {
    expect(await applyRetention(database.db, NOW)).toEqual({ actions: 0, letters: 0, outbox: 0, capturedMail: 0, privacyRequests: 0 });
  });

  it("knows when a campaign found closed without a closing time closed: from the first run that sees it", async () => {
    await seedCampaign(database.db, { slug: "closed-by-hand" });
    await database.db.update(campaigns).set({ status: "closed" }).where(eq(campaigns.slug, "closed-by-hand"));
    await applyRetention(database.db, NOW);
    const [row] = await database.db.select({ closedAt: campaigns.closedAt }).from(campaigns).where(eq(campaigns.slug, "closed-by-hand"));
    expect(row!.closedAt).toEqual(NOW);
    // Reopened: no closing time, so nothing counts down.
    await database.db.update(campaigns).set({ status: "live" }).where(eq(campaigns.slug, "closed-by-hand"));
    await applyRetention(database.db, NOW);
    const [reopened] = await database.db.select({ closedAt: campaigns.closedAt }).from(campaigns).where(eq(campaigns.slug, "closed-by-hand"));
    expect(reopened!.closedAt).toBeNull();
  });

  it("runs at most once an hour between all workers asking at once", async () => {
    const at = new Date(NOW.getTime() + DAY);
    const asked = await Promise.all(Array.from({ length: 4 }, () => runRetentionWhenDue(database.db, at)));
    expect(asked.filter(Boolean)).toHaveLength(1);
    expect(await runRetentionWhenDue(database.db, new Date(at.getTime() + 59 * 60_000))).toBeUndefined();
    expect(await runRetentionWhenDue(database.db, new Date(at.getTime() + 60 * 60_000))).toBeDefined();
  });

  it("anonymises a campaign's supporters once its retention has passed, counted from its closing", async () => {
    const slug = "closed-recently";
    const day170 = new Date(NOW.getTime() + 169 * DAY);
    expect((await applyRetention(database.db, day170)).actions).toBe(0);
    const day181 = new Date(NOW.getTime() + 171 * DAY);
    expect((await applyRetention(database.db, day181)).actions).toBe(3);
    expect((await supporters(slug)).every((a) => a.email === "" && a.anonymisedAt !== null)).toBe(true);
    // The live campaign's supporters are still there.
    expect((await supporters("still-live")).every((a) => a.anonymisedAt === null)).toBe(true);
    const liveSent = await database.db.select({ n: count() }).from(letters).where(and(eq(letters.campaignSlug, "still-live"), eq(letters.status, "sent")));
    expect(liveSent[0]!.n).toBe(2);
  });
});

describe.each(testDatabases())("closing times and the worker loop on $name", ({ open }) => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await open();
  });
  afterAll(async () => {
    await database?.close();
  });

  it("gives a campaign loaded closed its closing time, keeps it when the campaign is saved again, and none to a live one", async () => {
    const content = await loadContent(path.join(process.cwd(), "templates"));
    await importContent(database.db, content, "import");
    const closing = async () =>
      Object.fromEntries((await database.db.select({ slug: campaigns.slug, status: campaigns.status, closedAt: campaigns.closedAt }).from(campaigns)).map((c) => [c.slug, c]));
    const first = await closing();
    const closed = Object.values(first).filter((c) => c.status === "closed");
    // The FLD campaign is closed in the content files; the DNC campaign is live.
    expect(closed.length).toBeGreaterThan(0);
    for (const c of Object.values(first)) expect(c.closedAt === null).toBe(c.status !== "closed");
    // A new version of every campaign (another subject line) is written over the same rows.
    const edited = { ...content, campaigns: content.campaigns.map((c) => ({ ...c, campaign: { ...c.campaign, subject: `${c.campaign.subject} (edited)` } })) };
    expect((await importContent(database.db, edited, "import"))!.campaigns).toBe(content.campaigns.length);
    const again = await closing();
    for (const c of closed) expect(again[c.slug]!.closedAt).toEqual(c.closedAt);
  });

  it("runs the retention job from the sender's loop", async () => {
    const transport = createMailTransport({ db: database.db });
    const old = new Date(NOW.getTime() - 8 * DAY);
    await database.db.insert(capturedMail).values({ kind: "letter", to: "b@example.org", from: "x@example.org", subject: "old", raw: "old", createdAt: old });
    const idle = { sent: 0, retried: 0, failed: 0, deferred: 0, digested: 0 };
    const worker = startWorker({ db: database.db, transport, mailFrom: "letters@example.org", organisationName: "Urgent Letters", now: () => NOW, intervalMs: 5, outbox: false, log: () => {}, pass: async () => idle });
    try {
      await expect
        .poll(async () => (await database.db.select({ n: count() }).from(capturedMail).where(eq(capturedMail.subject, "old")))[0]!.n, { timeout: 10_000 })
        .toBe(0);
      expect((await database.db.select().from(jobRuns))[0]).toEqual({ name: "retention", lastRunAt: NOW });
    } finally {
      await worker.stop();
      transport.close();
    }
  });
});
