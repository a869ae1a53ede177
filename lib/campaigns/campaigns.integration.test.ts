import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/open";
import { actions, campaigns, letters, letterTemplates, recipients } from "@/lib/db/schema";
import type { TLetterPage } from "@/lib/letters/types";
import { loadContent, type TContent } from "@/lib/templates/load-content";
import { testDatabases } from "@/test/databases";
import { getCampaign, listLiveCampaigns } from "./get-campaign";
import { syncContent } from "./sync-content";

const samplePage: TLetterPage = {
  recipientId: "kz-president",
  language: "en",
  subject: "s",
  blocks: [{ type: "paragraph", inlines: [{ text: "b" }] }],
  paper: "A4",
  sender: ["Test Supporter", "Cork", "Ireland"],
  dateText: "1 March 2025",
  recipientAddress: ["Akorda", "Astana 010000", "Kazakhstan"],
  footer: "Campaign",
};

describe.each(testDatabases())("campaigns on $name", ({ open }) => {
  let database: TDatabase;
  let content: TContent;

  beforeAll(async () => {
    database = await open();
    content = await loadContent(path.join(process.cwd(), "templates"));
  });
  afterAll(async () => {
    await database?.close();
  });

  it("loads the content files into an empty database", async () => {
    const written = await syncContent(database.db, content);
    expect(written.campaigns).toBe(2);
    expect(written.recipients).toBe(content.recipients.length);
    expect(written.audiences).toBe(3);
    expect(written.letterTemplates).toBe(content.campaigns.reduce((n, c) => n + c.letters.length, 0));
  });

  it("adds nothing on a second start, and keeps what was edited in the database", async () => {
    await database.db.update(recipients).set({ name: "Edited in the admin" }).where(eq(recipients.id, "kz-president"));
    const written = await syncContent(database.db, content);
    expect(written).toEqual({ campaigns: 0, recipients: 0, audiences: 0, letterTemplates: 0 });
    const [row] = await database.db.select().from(recipients).where(eq(recipients.id, "kz-president"));
    expect(row!.name).toBe("Edited in the admin");
  });

  it("adds a new file on a later start", async () => {
    const extra: TContent = {
      recipients: [
        { ...content.recipients[0]!, id: "test-new-recipient", file: "templates/recipients/test-new-recipient.yaml" },
      ],
      campaigns: content.campaigns,
    };
    const written = await syncContent(database.db, extra);
    expect(written.recipients).toBe(1);
    expect(written.campaigns).toBe(0);
  });

  it("puts the files over the database when a reload is forced", async () => {
    await database.db.update(letterTemplates).set({ body: "edited" });
    const written = await syncContent(database.db, content, { overwrite: true });
    expect(written.campaigns).toBe(2);
    const [president] = await database.db.select().from(recipients).where(eq(recipients.id, "kz-president"));
    // A name given per script is kept whole, and its Latin form names envelopes and headers.
    expect(president!.name).toBe("Kassym-Jomart Tokayev");
    expect(president!.names).toEqual(content.recipients.find((r) => r.id === "kz-president")!.name);
    expect(president!.kind).toBe("head-of-state");
    const bodies = await database.db.select({ body: letterTemplates.body }).from(letterTemplates);
    expect(bodies.some((b) => b.body === "edited")).toBe(false);
  });

  it("lists live campaigns with their languages and counts letters that are on their way", async () => {
    const [action] = await database.db
      .insert(actions)
      .values({
        campaignSlug: "dnc-sekerbayeva-charges",
        status: "confirmed",
        supporterName: "Test Supporter",
        supporterEmail: "supporter@example.org",
        city: "Cork",
        country: "IE",
        delivery: "email",
      })
      .returning();
    const base = { actionId: action!.id, campaignSlug: "dnc-sekerbayeva-charges", audienceId: "kazakhstan-authorities", language: "en", channel: "post" as const, subject: "s", body: "b", page: samplePage };
    await database.db.insert(letters).values([
      { ...base, recipientId: "kz-president", status: "sent" },
      { ...base, recipientId: "kz-embassy-uk", status: "posted", printedAt: new Date() },
      { ...base, recipientId: "kz-embassy-us", status: "awaiting-confirmation" },
    ]);

    // The Front Line Defenders campaign is closed: it is not listed.
    const live = await listLiveCampaigns(database.db);
    expect(live.map((c) => c.slug)).toEqual(["dnc-sekerbayeva-charges"]);
    const dnc = live[0]!;
    expect(dnc.letterCount).toBe(2);
    expect(dnc.languages).toEqual(["en", "fr", "ru", "kk"]);
    expect(dnc.caseStatus?.asOf).toBe("2026-12-01");
    // A closed campaign is still read for its page.
    expect((await getCampaign(database.db, "fld-sekerbayeva-2025"))?.status).toBe("closed");
  });

  it("reads a campaign with its audiences in order and recipients with their preselection", async () => {
    const dnc = await getCampaign(database.db, "dnc-sekerbayeva-charges");
    expect(dnc!.audiences.map((a) => a.id)).toEqual(["kazakhstan-authorities", "canada-government"]);
    const canada = dnc!.audiences[1]!;
    expect(canada.languages).toEqual(["en", "fr"]);
    expect(canada.recipients.map((r) => r.id)).toEqual(["ca-minister-foreign-affairs", "ca-parl-sec-foreign-affairs", "ca-parl-sec-fortier", "ca-mp-chong", "ca-mp-mcpherson"]);
    expect(canada.recipients.filter((r) => r.preselected).map((r) => r.id)).toEqual(["ca-minister-foreign-affairs", "ca-parl-sec-foreign-affairs"]);
    expect(await getCampaign(database.db, "no-such-campaign")).toBeUndefined();
  });

  it("hides a draft from the public, but not from an explicit request", async () => {
    await database.db.update(campaigns).set({ status: "draft" }).where(eq(campaigns.slug, "dnc-sekerbayeva-charges"));
    expect(await getCampaign(database.db, "dnc-sekerbayeva-charges")).toBeUndefined();
    expect(await getCampaign(database.db, "dnc-sekerbayeva-charges", { includeDrafts: true })).toBeDefined();
    expect((await listLiveCampaigns(database.db)).map((c) => c.slug)).toEqual([]);
  });
});
