import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TDatabase } from "@/lib/db/open";
import { AppError } from "@/lib/errors/app-error";
import { loadContent } from "@/lib/templates/load-content";
import { testDatabases } from "@/test/databases";
import { templateKey } from "./docs";
import { importContent } from "./import-content";
import { listTemplateStates } from "./list-template-states";
import { loadTemplateEditor } from "./load-template-editor";
import { previewTemplate } from "./preview-template";
import { saveTemplate } from "./save-template";

const SLUG = "dnc-sekerbayeva-charges";
const sample = { name: "Camille Roy", signAs: "initials" as const, city: "Montréal", country: "CA", personalNote: "Mon mot.", recipientId: "kz-president" };

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => undefined, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe.each(testDatabases())("the letter template editor's lib on $name", ({ open }) => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await open();
    await importContent(database.db, await loadContent(path.join(process.cwd(), "templates")), "import");
  });
  afterAll(async () => {
    await database?.close();
  });

  it("previews an unsaved doc for the sample supporter, in a language the audience has no letter in yet", async () => {
    const doc = { subjects: ["Objet {{campaign.subject}}"], body: "{{recipient.salutation}},\n\nDe {{supporter.city}}.\n\n{{personal.note}}\n\n{{supporter.name}}" };
    const { letter, document } = await previewTemplate(database.db, { slug: SLUG, audienceId: "kazakhstan-authorities", language: "fr" }, doc, sample, new Date("2026-12-02"));
    expect(letter.language).toBe("fr");
    expect(letter.subject).toBe("Objet Zhanar Sekerbayeva");
    expect(letter.text).toBe("Monsieur le Président,\n\nDe Montréal.\n\nMon mot.\n\nC. R.");
    expect(document.letters).toHaveLength(1);
    expect(document.letters[0]!.paper).toBe("LETTER");
  });

  it("refuses an unknown placeholder with its line and a recipient of another audience, as 422 field errors", async () => {
    const where = { slug: SLUG, audienceId: "kazakhstan-authorities", language: "en" };
    const bad = await refusal(previewTemplate(database.db, where, { subjects: ["s"], body: "a\n\n{{supporter.nmae}}" }, sample, new Date()));
    expect(bad.status).toBe(422);
    expect(bad.errors).toEqual([expect.objectContaining({ path: "doc.body", message: expect.stringMatching(/^line 3: unknown placeholder "\{\{supporter\.nmae\}\}"/) })]);
    const empty = await refusal(previewTemplate(database.db, where, { subjects: [], body: "" }, sample, new Date()));
    expect(empty.errors.map((e) => e.path).sort()).toEqual(["doc.body", "doc.subjects"]);
    const other = await refusal(previewTemplate(database.db, where, { subjects: ["s"], body: "b" }, { ...sample, recipientId: "ca-mp-chong" }, new Date()));
    expect(other.errors.map((e) => e.path)).toEqual(["sample.recipientId"]);
    const nowhere = await refusal(previewTemplate(database.db, { ...where, audienceId: "nobody" }, { subjects: ["s"], body: "b" }, sample, new Date()));
    expect(nowhere.status).toBe(404);
  });

  it("opens a new language from the default language's text, marked for review, and lists states by audience × language", async () => {
    const fresh = await loadTemplateEditor(database.db, SLUG, "kazakhstan-authorities", "fr");
    expect(fresh?.published).toBeUndefined();
    expect(fresh?.startFrom?.language).toBe("en");
    expect(fresh?.startFrom?.doc.review).toBe("needed");
    expect(fresh?.startFrom?.doc.body).toContain("{{recipient.salutation}}");

    const key = templateKey(SLUG, "canada-government", "en");
    const published = await loadTemplateEditor(database.db, SLUG, "canada-government", "en");
    await saveTemplate(database.db, key, { ...published!.published!.doc, body: `${published!.published!.doc.body}\n\nP.S.` }, "editor@example.org", "draft");
    const audiences = await listTemplateStates(database.db, SLUG);
    expect(audiences.map((a) => a.id)).toEqual(["kazakhstan-authorities", "canada-government"]);
    const canada = audiences[1]!.templates;
    expect(canada.find((t) => t.language === "en")).toMatchObject({ published: { version: 1 }, draft: { version: 2, author: "editor@example.org" } });
    expect(canada.find((t) => t.language === "fr")?.published?.version).toBe(1);
    expect(canada.find((t) => t.language === "kk")).toEqual({ language: "kk" });
    const reopened = await loadTemplateEditor(database.db, SLUG, "canada-government", "en");
    expect(reopened?.draft?.doc.body).toMatch(/P\.S\.$/);
    expect(reopened?.published?.letters).toBe(0);
  });
});
