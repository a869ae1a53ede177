import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderLetterPdf } from "@/components/pdf/render-pdf";
import { pdfPages, squash } from "@/e2e/fixtures/pdf-text";
import { FLD_DEMANDS } from "@/e2e/fixtures/seed-facts";
import { syncContent } from "@/lib/campaigns/sync-content";
import { openDatabase, type TDatabase } from "@/lib/db/open";
import { loadContent } from "@/lib/templates/load-content";
import { previewLetters } from "./preview-letters";

/** The whole path from a supporter's input to the printed letters: the campaign's real content, rendered. */
describe("the print-ready PDF of the FLD campaign", () => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await openDatabase({});
    await syncContent(database.db, await loadContent(path.join(process.cwd(), "templates")));
  });
  afterAll(async () => {
    await database?.close();
  });

  const input = (country: string) => ({
    campaign: "fld-sekerbayeva-2025",
    supporter: { name: "Әсем Қайратқызы Нұрланова", email: "asem@example.org", city: "Almaty", country },
    personalNote: "Қазақстандағы құқық қорғаушылар үшін жазамын.",
    recipients: ["kz-president", "kz-embassy-uk", "kz-embassy-us"],
  });

  it("holds one letter per recipient with the Kazakh name, the salutations and the four demands", async () => {
    const { document } = await previewLetters(database.db, input("IE"), new Date("2026-11-23T12:00:00Z"));
    const pdf = await pdfPages(await renderLetterPdf(document));
    const text = squash(pdf.pages.join(" "));
    expect(text).toContain("Әсем Қайратқызы Нұрланова");
    expect(text).toContain("Қазақстандағы құқық қорғаушылар үшін жазамын.");
    for (const demand of FLD_DEMANDS) expect(text.split(squash(demand)).length - 1).toBe(3);
    // Each letter starts on a new page with its own salutation and address.
    const firstPages = pdf.pages.filter((p) => /Your Excellency|Dear Ambassador/.test(p));
    expect(firstPages).toHaveLength(3);
    expect(firstPages[0]).toContain("Kassym-Jomart Tokayev");
    expect(firstPages[1]).toContain("125 Pall Mall");
    expect(firstPages[2]).toContain("1401 16th St NW");
    expect(pdf.title).toBeTruthy();
    expect([Math.round(pdf.width), Math.round(pdf.height)]).toEqual([595, 842]);
  });

  it("prints on Letter paper for a supporter in Canada", async () => {
    const { document } = await previewLetters(database.db, input("CA"), new Date("2026-11-23T12:00:00Z"));
    const pdf = await pdfPages(await renderLetterPdf(document));
    expect([Math.round(pdf.width), Math.round(pdf.height)]).toEqual([612, 792]);
  });
});
