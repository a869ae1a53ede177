import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { submitAction } from "@/lib/actions/submit-action";
import { exportContent } from "@/lib/content/export-content";
import { importContent } from "@/lib/content/import-content";
import { restoreVersion } from "@/lib/content/restore-version";
import { savePartner } from "@/lib/content/save-partner";
import type { TDatabase } from "@/lib/db/open";
import { actions, partnerConsents, partners } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { exportMailboxData } from "@/lib/privacy/export-mailbox-data";
import { loadContent } from "@/lib/templates/load-content";
import { testDatabases } from "@/test/databases";
import { partnerConsentWording } from "./consent-wording";
import { createPartner } from "./create-partner";
import { getActivePartner } from "./get-active-partner";
import { countDirectLetters, listPartners } from "./list-partners";

const NOW = new Date("2026-12-02T10:00:00Z");
/** Fictional partners: example.org sites and local origins. */
const PARTNER = { code: "fictional-network", name: "Fictional Network", site: "https://network.example.org", allowedOrigins: ["https://network.example.org", "http://localhost:8080"] };

function body(overrides: Record<string, unknown> = {}) {
  return {
    campaign: "dnc-sekerbayeva-charges",
    supporter: { name: "Marie Tremblay", email: "marie@example.org", city: "Montréal", country: "CA" },
    recipients: ["ca-minister-foreign-affairs"],
    delivery: "post",
    ...overrides,
  };
}

describe.each(testDatabases())("partners on $name", ({ open }) => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await open();
    await importContent(database.db, await loadContent(path.join(process.cwd(), "templates")), "import");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("saves a partner as a version, refuses a bad origin by its line and a taken code", async () => {
    const saved = await createPartner(database.db, PARTNER, "owner@example.org");
    expect(saved).toMatchObject({ code: PARTNER.code, version: 1 });
    const refused = await savePartner(database.db, { ...PARTNER, allowedOrigins: ["https://ok.example.org", "http://plain.example.org", "https://x.example.org/"] }, "owner@example.org").catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect((refused as AppError).errors.map((e) => e.path)).toEqual(["allowedOrigins.1", "allowedOrigins.2"]);
    await expect(createPartner(database.db, PARTNER, "owner@example.org")).rejects.toMatchObject({ errors: [{ path: "code", code: "taken" }] });
    expect((await getActivePartner(database.db, PARTNER.code))?.allowedOrigins).toEqual(PARTNER.allowedOrigins);
  });

  it("attributes an action only to a known, active partner, and records its consent with the words shown", async () => {
    const attributed = await submitAction(database.db, body({ partner: PARTNER.code, consent: { partner: true } }), { now: NOW, pageLanguage: "fr" });
    const unknown = await submitAction(database.db, body({ partner: "no-such-partner", consent: { partner: true } }), { now: NOW });
    const [a] = await database.db.select({ partner: actions.partner }).from(actions).where(eq(actions.id, attributed.id));
    const [u] = await database.db.select({ partner: actions.partner }).from(actions).where(eq(actions.id, unknown.id));
    expect(a!.partner).toBe(PARTNER.code);
    expect(u!.partner).toBeNull();
    const consents = await database.db.select().from(partnerConsents);
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ actionId: attributed.id, partnerCode: PARTNER.code, language: "fr", wording: partnerConsentWording("fr", PARTNER.name) });
    expect(consents[0]!.wording).toContain("Fictional Network peut me contacter");
    // Unticked: attributed, no consent.
    const unticked = await submitAction(database.db, body({ partner: PARTNER.code }), { now: NOW });
    expect(await database.db.select().from(partnerConsents).where(eq(partnerConsents.actionId, unticked.id))).toEqual([]);
    // The supporter's own data export lists it.
    const data = await exportMailboxData(database.db, "marie@example.org", NOW);
    expect(data.partnerConsents).toEqual([expect.objectContaining({ partner: PARTNER.code, partnerName: PARTNER.name, wording: consents[0]!.wording, language: "fr" })]);
    // The admin's numbers.
    const listed = await listPartners(database.db);
    expect(listed.find((p) => p.code === PARTNER.code)?.letters).toBe(2);
    expect(await countDirectLetters(database.db)).toBeGreaterThanOrEqual(1);
  });

  it("stops attributing and framing once the partner is inactive, and a restore brings it back (owners only)", async () => {
    const off = await savePartner(database.db, { ...PARTNER, active: false }, "owner@example.org");
    expect(off.version).toBe(2);
    expect(await getActivePartner(database.db, PARTNER.code)).toBeUndefined();
    const later = await submitAction(database.db, body({ partner: PARTNER.code }), { now: NOW });
    const [row] = await database.db.select({ partner: actions.partner }).from(actions).where(eq(actions.id, later.id));
    expect(row!.partner).toBeNull();
    const [first] = await database.db.select().from(partners).where(eq(partners.code, PARTNER.code));
    expect(first!.active).toBe(false);
    const { contentVersions } = await import("@/lib/db/schema");
    const [v1] = await database.db.select({ id: contentVersions.id }).from(contentVersions).where(eq(contentVersions.key, PARTNER.code)).orderBy(contentVersions.version).limit(1);
    await expect(restoreVersion(database.db, v1!.id, "editor@example.org")).rejects.toMatchObject({ code: "FORBIDDEN" });
    await restoreVersion(database.db, v1!.id, "owner@example.org", { partners: true });
    expect(await getActivePartner(database.db, PARTNER.code)).toBeDefined();
  });

  it("exports partners as files that import back to the same data", async () => {
    await savePartner(database.db, { ...PARTNER, theme: { accent: "#8a1538", radius: "6px" }, active: false }, "owner@example.org");
    const files = await exportContent(database.db);
    const file = files.find((f) => f.path === `partners/${PARTNER.code}.yaml`);
    expect(file?.text).toContain("active: false");
    expect(file?.text).toContain("accent: \"#8a1538\"");
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), "ul-partners-"));
    try {
      for (const f of files) {
        await fs.mkdir(path.dirname(path.join(dir, f.path)), { recursive: true });
        await fs.writeFile(path.join(dir, f.path), f.text);
      }
      const loaded = await loadContent(dir);
      expect(loaded.partners?.find((p) => p.code === PARTNER.code)).toMatchObject({ active: false, theme: { accent: "#8a1538" } });
      const again = await importContent(database.db, loaded, "import");
      expect(again?.partners).toBe(0);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});
