import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderLetterPdf } from "@/components/pdf/render-pdf";
import { pdfPages, squash } from "@/e2e/fixtures/pdf-text";
import { DNC_DEMANDS_KZ } from "@/e2e/fixtures/seed-facts";
import { importContent } from "@/lib/content/import-content";
import { openDatabase, type TDatabase } from "@/lib/db/open";
import { loadContent } from "@/lib/templates/load-content";
import { previewLetters } from "./preview-letters";

/** The whole path from a supporter's input to the printed letters: the campaign's real content, rendered. */
describe("the print-ready PDF of the Dignity Network Canada campaign", () => {
  let database: TDatabase;
  beforeAll(async () => {
    database = await openDatabase({});
    await importContent(database.db, await loadContent(path.join(process.cwd(), "templates")), "import");
  });
  afterAll(async () => {
    await database?.close();
  });

  const input = (country: string) => ({
    campaign: "dnc-sekerbayeva-charges",
    supporter: { name: "Әсем Қайратқызы Нұрланова", email: "asem@example.org", city: "Almaty", country },
    personalNote: "Қазақстандағы құқық қорғаушылар үшін жазамын.",
    recipients: ["kz-president", "kz-embassy-uk", "kz-embassy-us"],
  });

  it("holds one letter per recipient with the Kazakh name, the salutations and the three demands", async () => {
    const { document } = await previewLetters(database.db, input("IE"), new Date("2026-11-23T12:00:00Z"));
    const pdf = await pdfPages(await renderLetterPdf(document));
    const text = squash(pdf.pages.join(" "));
    expect(text).toContain("Әсем Қайратқызы Нұрланова");
    expect(text).toContain("Қазақстандағы құқық қорғаушылар үшін жазамын.");
    for (const demand of DNC_DEMANDS_KZ) expect(text.split(squash(demand)).length - 1).toBe(3);
    // Each letter starts on a new page with its own salutation and address.
    const firstPages = pdf.pages.filter((p) => /Your Excellency|Dear Ambassador/.test(p));
    expect(firstPages).toHaveLength(3);
    expect(firstPages[0]).toContain("Kassym-Jomart Tokayev");
    expect(firstPages[1]).toContain("125 Pall Mall");
    expect(firstPages[2]).toContain("1401 16th St NW");
    expect(firstPages[2]).toContain("Magzhan Ilyassov");
    expect(pdf.title).toBeTruthy();
    expect([Math.round(pdf.width), Math.round(pdf.height)]).toEqual([595, 842]);
  });

  it("names the President in Cyrillic on a Russian letter's envelope window", async () => {
    const { document } = await previewLetters(database.db, { ...input("KZ"), language: "ru", recipients: ["kz-president"] }, new Date("2026-11-23T12:00:00Z"));
    expect(document.letters[0]!.recipientAddress[0]).toBe("Касым-Жомарт Токаев");
    expect(document.letters[0]!.blocks[0]).toEqual({ type: "paragraph", inlines: [{ text: "Уважаемый господин Президент!" }] });
    // (unpdf's text layer reads "и" from this font as a quote mark, so the PDF check sticks to words without one.)
    const text = squash((await pdfPages(await renderLetterPdf(document))).pages.join(" "));
    expect(text).toContain("Касым-Жомарт Токаев");
    expect(text).not.toContain("Kassym-Jomart Tokayev");
  });

  it("prints on Letter paper for a supporter in Canada", async () => {
    const { document } = await previewLetters(database.db, input("CA"), new Date("2026-11-23T12:00:00Z"));
    const pdf = await pdfPages(await renderLetterPdf(document));
    expect([Math.round(pdf.width), Math.round(pdf.height)]).toEqual([612, 792]);
  });
});
