import path from "node:path";
import { and, desc, eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TCampaignDoc } from "@/lib/content/docs";
import { importContent } from "@/lib/content/import-content";
import { readPublished } from "@/lib/content/read-doc";
import { saveCampaign } from "@/lib/content/save-campaign";
import type { TDatabase } from "@/lib/db/open";
import { audienceRecipients, auditLog, campaigns, letters, partners, webhookDeliveries } from "@/lib/db/schema";
import { createWebhookEndpoint } from "@/lib/webhooks/create-webhook-endpoint";
import { loadContent } from "@/lib/templates/load-content";
import { testDatabases } from "@/test/databases";
import { seedLetters } from "@/test/delivery/seed";
import { CLOSED_ERROR, countQueue } from "./cancel-queue";
import { closeCampaign } from "./close-campaign";
import { pausePastDeadline } from "./pause-past-deadline";
import { postUpdate } from "./post-update";
import { reopenCampaign } from "./reopen-campaign";
import { effectiveStatus, writeBeforePassed } from "./status-lifecycle";

const SLUG = "dnc-sekerbayeva-charges";
const editor = { email: "editor@example.org", role: "editor" as const };
const owner = { email: "owner@example.org", role: "owner" as const };
const update = { date: "2026-03-01", text: { en: "A test update." }, source: "A test source" };

describe("write before", () => {
  it("pauses a live campaign from that day on (UTC), and nothing else", () => {
    const at = (iso: string) => new Date(iso);
    expect(writeBeforePassed("2026-03-15", at("2026-03-14T23:59:59Z"))).toBe(false);
    expect(writeBeforePassed("2026-03-15", at("2026-03-15T00:00:00Z"))).toBe(true);
    expect(writeBeforePassed(undefined, at("2030-01-01T00:00:00Z"))).toBe(false);
    expect(effectiveStatus({ status: "live", settings: { writeBefore: "2026-03-15" } }, at("2026-03-16T00:00:00Z"))).toBe("paused");
    expect(effectiveStatus({ status: "closed", settings: { writeBefore: "2026-03-15" } }, at("2026-03-16T00:00:00Z"))).toBe("closed");
    expect(effectiveStatus({ status: "live", settings: {} }, at("2026-03-16T00:00:00Z"))).toBe("live");
  });
});

describe.each(testDatabases())("the case lifecycle on $name", ({ open }) => {
  let database: TDatabase;
  let recipientId: string;
  const doc = async () => (await readPublished(database.db, "campaign", SLUG))!.doc as TCampaignDoc;
  const status = async () => (await database.db.select({ status: campaigns.status, closedAt: campaigns.closedAt }).from(campaigns).where(eq(campaigns.slug, SLUG)))[0]!;
  const lastAudit = async (action: string) =>
    (await database.db.select().from(auditLog).where(and(eq(auditLog.action, action), eq(auditLog.key, SLUG))).orderBy(desc(auditLog.at)).limit(1))[0];

  beforeAll(async () => {
    database = await open();
    await importContent(database.db, await loadContent(path.join(process.cwd(), "templates")), "import");
    [{ recipientId }] = (await database.db.select({ recipientId: audienceRecipients.recipientId }).from(audienceRecipients).where(eq(audienceRecipients.campaignSlug, SLUG)).limit(1)) as [
      { recipientId: string },
    ];
    // A partner listening for the campaign's news (nothing is sent here: the deliveries are only queued).
    await database.db.insert(partners).values({ code: "fictional-listener", name: "Fictional Listener (test)", site: "https://listener.example.org" });
    await createWebhookEndpoint(database.db, { partnerCode: "fictional-listener", url: "http://127.0.0.1:9/hook", events: ["campaign.updated", "campaign.closed"], actor: "owner@example.org", allowPrivate: true });
  });
  const queuedEvents = async (type: string) =>
    (await database.db.select({ type: webhookDeliveries.eventType, payload: webhookDeliveries.payload }).from(webhookDeliveries)).filter((d) => d.type === type);
  afterAll(async () => {
    await database?.close();
  });

  it("posts an update as a new published version the case page reads", async () => {
    const before = (await readPublished(database.db, "campaign", SLUG))!.version;
    const posted = await postUpdate(database.db, SLUG, { update, email: false }, editor);
    expect(posted).toMatchObject({ changed: true, version: before + 1, emailed: 0 });
    expect((await doc()).campaign.updates).toContainEqual(update);
    const [row] = await database.db.select({ updates: campaigns.updates }).from(campaigns).where(eq(campaigns.slug, SLUG));
    expect(row!.updates).toContainEqual(update);
    // …and partners hear of it, with the update.
    const [event] = await queuedEvents("campaign.updated");
    expect(JSON.stringify(event?.payload)).toContain(update.source);
  });

  it("closes with its closing update, cancelling queued, held and unconfirmed letters in one go, and only an owner reopens", async () => {
    const now = new Date();
    const ids = await seedLetters(database.db, { campaignSlug: SLUG, recipientId, count: 4, queuedAt: now });
    await database.db.update(letters).set({ status: "held" }).where(eq(letters.id, ids[1]!));
    await database.db.update(letters).set({ status: "awaiting-confirmation" }).where(eq(letters.id, ids[2]!));
    await database.db.update(letters).set({ status: "sent", sentAt: now }).where(eq(letters.id, ids[3]!));
    expect(await countQueue(database.db, SLUG)).toEqual({ queued: 1, held: 1, awaitingConfirmation: 1 });

    const closing = { date: "2026-03-02", text: { en: "The case is closed: a test outcome." }, source: "A test source" };
    const closed = await closeCampaign(database.db, SLUG, { update: closing, email: false }, editor);
    expect(closed.cancelled).toEqual({ queued: 1, held: 1, awaitingConfirmation: 1 });
    const after = await database.db.select({ id: letters.id, status: letters.status, lastError: letters.lastError }).from(letters).where(inArray(letters.id, ids));
    const byId = new Map(after.map((l) => [l.id, l]));
    for (const id of ids.slice(0, 3)) expect(byId.get(id)).toMatchObject({ status: "cancelled", lastError: CLOSED_ERROR });
    expect(byId.get(ids[3]!)!.status).toBe("sent");
    expect(await status()).toMatchObject({ status: "closed" });
    expect((await status()).closedAt).toBeInstanceOf(Date);
    expect((await doc()).campaign.updates).toContainEqual(closing);
    expect((await lastAudit("close"))?.detail).toMatchObject({ queued: 1, held: 1, awaitingConfirmation: 1 });
    expect(await queuedEvents("campaign.closed")).toHaveLength(1);
    await expect(closeCampaign(database.db, SLUG, { update: closing, email: false }, editor)).rejects.toMatchObject({ code: "CONFLICT" });

    await expect(reopenCampaign(database.db, SLUG, "paused", editor)).rejects.toMatchObject({ code: "FORBIDDEN" });
    // The editor's form cannot reopen it either.
    const current = await doc();
    await expect(saveCampaign(database.db, { ...current, campaign: { ...current.campaign, status: "live" } }, editor.email, { role: "editor" })).rejects.toMatchObject({ code: "FORBIDDEN" });
    await reopenCampaign(database.db, SLUG, "paused", owner);
    expect(await status()).toEqual({ status: "paused", closedAt: null });
    // Its cancelled letters stay cancelled.
    expect(await countQueue(database.db, SLUG)).toEqual({ queued: 0, held: 0, awaitingConfirmation: 0 });
    // Closed again from the campaign editor's status field: the queue is cancelled the same way and partners hear of
    // it the same way.
    const queuedAgain = await seedLetters(database.db, { campaignSlug: SLUG, recipientId, count: 1, queuedAt: now });
    const reopened = await doc();
    await saveCampaign(database.db, { ...reopened, campaign: { ...reopened.campaign, status: "closed" } }, editor.email, { role: "editor" });
    expect(await queuedEvents("campaign.closed")).toHaveLength(2);
    expect((await database.db.select({ status: letters.status }).from(letters).where(inArray(letters.id, queuedAgain)))[0]!.status).toBe("cancelled");
  });

  it("pauses a live campaign whose write-before day has come, as system", async () => {
    const current = await doc();
    await saveCampaign(database.db, { ...current, campaign: { ...current.campaign, status: "live", writeBefore: "2026-03-15" } }, owner.email, { role: "owner" });
    expect(await pausePastDeadline(database.db, new Date("2026-03-14T12:00:00Z"))).toEqual([]);
    expect((await status()).status).toBe("live");
    expect(await pausePastDeadline(database.db, new Date("2026-03-15T00:00:01Z"))).toEqual([SLUG]);
    expect((await status()).status).toBe("paused");
    expect((await readPublished(database.db, "campaign", SLUG))!.author).toBe("system");
    expect((await lastAudit("publish"))?.actor).toBe("system");
    // Once stored, nothing more to do.
    expect(await pausePastDeadline(database.db, new Date("2026-03-16T00:00:00Z"))).toEqual([]);
  });
});
