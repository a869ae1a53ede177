import { mkdir, mkdtemp, readdir, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/open";
import { actions, campaigns, contentVersions, letters, letterTemplates, recipients } from "@/lib/db/schema";
import type { TLetterPage } from "@/lib/letters/types";
import { loadContent, type TContent } from "@/lib/templates/load-content";
import { testDatabases } from "@/test/databases";
import { getCampaign, listLiveCampaigns } from "./get-campaign";
import { exportContent } from "@/lib/content/export-content";
import { importContent } from "@/lib/content/import-content";
import { listVersions } from "@/lib/content/list-versions";

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

async function listFiles(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)))
    .sort();
}

/** Content as loaded, without where each piece was read from (the two loads read different folders). */
function withoutFiles(content: TContent) {
  return {
    recipients: content.recipients.map(({ file: _file, ...r }) => r),
    campaigns: content.campaigns.map(({ file: _file, letters, ...c }) => ({ ...c, letters: letters.map(({ file: _f, ...l }) => l) })),
  };
}

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

  it("loads the content files into an empty database, each piece as its first version", async () => {
    const templates = content.campaigns.reduce((n, c) => n + c.letters.length, 0);
    const written = await importContent(database.db, content, "import", { onlyIntoEmpty: true });
    expect(written).toEqual({ campaigns: 2, recipients: content.recipients.length, templates, partners: 0, unchanged: 0 });
    const versions = await database.db.select().from(contentVersions);
    expect(versions).toHaveLength(2 + content.recipients.length + templates);
    expect(new Set(versions.map((v) => v.version))).toEqual(new Set([1]));
    // Each served template knows the version it holds.
    const served = await database.db.select({ versionId: letterTemplates.versionId }).from(letterTemplates);
    expect(served.every((t) => versions.some((v) => v.id === t.versionId && v.entity === "template"))).toBe(true);
  });

  it("never loads the files again into a database that has content (the first start only)", async () => {
    await database.db.update(recipients).set({ name: "Edited in the database" }).where(eq(recipients.id, "kz-president"));
    expect(await importContent(database.db, content, "import", { onlyIntoEmpty: true })).toBeUndefined();
    const [row] = await database.db.select().from(recipients).where(eq(recipients.id, "kz-president"));
    expect(row!.name).toBe("Edited in the database");
  });

  it("imports changed files as new versions, keeps the history and leaves unchanged pieces alone", async () => {
    const president = content.recipients.find((r) => r.id === "kz-president")!;
    const changed: TContent = { ...content, recipients: content.recipients.map((r) => (r.id === "kz-president" ? { ...r, notes: "Checked again." } : r)) };
    const written = await importContent(database.db, changed, "import:test");
    expect(written).toMatchObject({ recipients: 1, campaigns: 0, templates: 0 });
    const history = await listVersions(database.db, "recipient", "kz-president");
    expect(history.map((v) => [v.version, v.author])).toEqual([
      [2, "import:test"],
      [1, "import"],
    ]);
    const [row] = await database.db.select().from(recipients).where(eq(recipients.id, "kz-president"));
    // The import wrote the whole file over the edited row: a name given per script is kept whole, and its Latin form
    // names envelopes and headers.
    expect(row!.notes).toBe("Checked again.");
    expect(row!.name).toBe("Kassym-Jomart Tokayev");
    expect(row!.names).toEqual(president.name);
    expect(row!.kind).toBe("head-of-state");
    // Back to the files as they are.
    expect((await importContent(database.db, content, "import"))!.recipients).toBe(1);
  });

  it("exports files that load back to the same content (both campaigns, every recipient and template)", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "ul-export-"));
    try {
      const files = await exportContent(database.db);
      for (const file of files) {
        await mkdir(path.dirname(path.join(dir, file.path)), { recursive: true });
        await writeFile(path.join(dir, file.path), file.text);
      }
      const original = await listFiles(path.join(process.cwd(), "templates"));
      // Same paths (the README is documentation, not content)…
      expect(await listFiles(dir)).toEqual(original.filter((f) => f !== "README.md"));
      // …and the same data, parsed.
      const again = await loadContent(dir);
      expect(withoutFiles(again)).toEqual(withoutFiles(content));
      // Defaults are not written out: the DNC campaign file gives no caps, and the export gives none either.
      expect(files.find((f) => f.path === "campaigns/dnc-sekerbayeva-charges/campaign.yaml")!.text).not.toMatch(/hourlyCap|dailyCap/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
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
