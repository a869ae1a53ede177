import { describe, expect, it, beforeAll } from "vitest";
import { Font } from "@react-pdf/renderer";
import { extractText, extractTextItems, getDocumentProxy, getMeta } from "unpdf";
import type { TLetterDocument } from "@/lib/letters/types";
import { PDF_FONT_FAMILY, allowBreaks, loadPdfFonts, setPdfShapingCache, splitWord } from "./fonts";
import { renderLetterPdf } from "./render-pdf";
import { SAMPLE_DEMANDS, SAMPLE_RECIPIENTS, SAMPLE_SALUTATION, SAMPLE_SUPPORTER_NAME, sampleLetterDocument } from "./sample-letter";

const MM = 72 / 25.4;
const KAZAKH_LETTERS = "ӘҒҚҢӨҰҮҺІәғқңөұүһі";

/** unpdf (pdf.js) may take ownership of the bytes it is given: hand it a copy. */
const bytes = (pdf: Buffer) => new Uint8Array(pdf);

/** Page texts with runs of white space (line ends included) folded into one space. */
async function pageTexts(pdf: Buffer): Promise<string[]> {
  const { text } = await extractText(bytes(pdf), { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, " ").trim());
}

/** "ABCDEF+NotoSerif-Bold" → "NotoSerif-Bold". */
const withoutSubsetTag = (name: string) => name.replace(/^[A-Z]{6}\+/, "");

/** Distinct /BaseFont names in the file (font dictionaries are not compressed by pdfkit). */
function baseFonts(pdf: Buffer): string[] {
  const names = new Set<string>();
  for (const match of pdf.toString("latin1").matchAll(/\/BaseFont\s*\/([A-Za-z0-9+\-_]+)/g)) names.add(match[1]!);
  return [...names].sort((a, b) => withoutSubsetTag(a).localeCompare(withoutSubsetTag(b)));
}

describe("LetterDocument (A4, three recipients)", () => {
  const document = sampleLetterDocument({ letters: 3, paper: "A4", language: "en" });
  let pdf: Buffer;
  let pages: string[];

  beforeAll(async () => {
    pdf = await renderLetterPdf(document);
    pages = await pageTexts(pdf);
  });

  it("is a PDF with at least one page per letter", () => {
    expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    expect(pages.length).toBeGreaterThanOrEqual(3);
  });

  it("starts each letter on its own page carrying its own recipient's address", () => {
    const firstPages = pages.filter((text) => /\b1 \/ \d+$/.test(text));
    expect(firstPages).toHaveLength(3);
    firstPages.forEach((text, i) => {
      const own = SAMPLE_RECIPIENTS[i]!.address;
      for (const line of own) expect(text).toContain(line);
      // No other recipient's institution line on this letter's first page.
      for (const other of SAMPLE_RECIPIENTS.slice(0, 3)) {
        if (other !== SAMPLE_RECIPIENTS[i]) expect(text).not.toContain(other.address[1]!);
      }
    });
  });

  it("carries the supporter's Kazakh name, the salutation and all four demands in every letter", () => {
    const all = pages.join(" ");
    const count = (needle: string) => all.split(needle).length - 1;
    expect(count(SAMPLE_SUPPORTER_NAME)).toBeGreaterThanOrEqual(3);
    expect(count(SAMPLE_SALUTATION)).toBe(3);
    for (const demand of SAMPLE_DEMANDS) expect(count(demand)).toBe(3);
    expect(all).toContain("Respectfully,");
  });

  it("numbers the demands as a list, in order", () => {
    const first = pages.join(" ");
    const positions = SAMPLE_DEMANDS.map((demand, i) => first.indexOf(`${i + 1}. ${demand}`));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
  });

  it("keeps the supporter's line breaks", async () => {
    const { text } = await extractText(bytes(pdf), { mergePages: true });
    expect(text).toMatch(/known to many\.\s*\n\s*Жанар Секербаеваға бостандық!/);
  });

  it("is A4 (595.28 × 841.89 pt)", async () => {
    const doc = await getDocumentProxy(bytes(pdf));
    const [x0, y0, x1, y1] = (await doc.getPage(1)).view;
    expect(x1! - x0!).toBeCloseTo(595.28, 1);
    expect(y1! - y0!).toBeCloseTo(841.89, 1);
  });

  it("sets title, author and language", async () => {
    const { info } = await getMeta(bytes(pdf));
    expect(info.Title).toBe(document.title);
    expect(info.Author).toBe(SAMPLE_SUPPORTER_NAME);
    expect(pdf.toString("latin1")).toMatch(/\/Lang \(en\)/);
  });

  it("puts the recipient's address in the DIN 5008 form B window (address zone 62.7–90 mm, 20–105 mm)", async () => {
    const { items } = await extractTextItems(bytes(pdf));
    const page1 = items[0]!;
    const address = SAMPLE_RECIPIENTS[0]!.address;
    for (const line of address) {
      const item = page1.find((it) => it.str === line);
      expect(item, line).toBeDefined();
      const top = 841.89 - item!.y; // baseline, from the top edge
      expect(top).toBeGreaterThan(62.7 * MM);
      expect(top).toBeLessThan(90 * MM);
      expect(item!.x).toBeCloseTo(25 * MM, 0);
      expect(item!.x + item!.width).toBeLessThan(105 * MM);
    }
  });

  it("keeps a long, eight-line address inside the window: one line per element, growing into the remark zone", async () => {
    const address = [
      "His Excellency the Minister of Internal Affairs",
      "Minister of Internal Affairs of the Republic of Kazakhstan",
      "Ministry of Internal Affairs",
      "Department for International Cooperation",
      "House of Ministries, Entrance 8",
      "1 Tauelsizdik Avenue",
      "Astana 010000",
      "Kazakhstan",
    ];
    const sample = sampleLetterDocument({ letters: 1 });
    const pdf = await renderLetterPdf({ ...sample, letters: [{ ...sample.letters[0]!, recipientAddress: address }] });
    const { items } = await extractTextItems(bytes(pdf));
    for (const line of address) {
      // (not in the sender block at the top right, which also says "Kazakhstan")
      const item = items[0]!.find((it) => it.str === line && it.x < 105 * MM);
      expect(item, line).toBeDefined(); // not wrapped: the whole line is one text item
      const top = 841.89 - item!.y;
      expect(top).toBeGreaterThan(45 * MM + 8); // below the return line
      expect(top).toBeLessThan(90 * MM);
      expect(item!.x + item!.width).toBeLessThan(105 * MM);
      expect(item!.fontSize).toBeGreaterThanOrEqual(8);
    }
  });

  it("embeds exactly one Noto Serif subset per style used, and no other font", () => {
    const fonts = baseFonts(pdf);
    expect(fonts.map(withoutSubsetTag)).toEqual(["NotoSerif-Bold", "NotoSerif-Italic", "NotoSerif-Regular"]);
  });
});

describe("LetterDocument (US Letter, long letter)", () => {
  const document = sampleLetterDocument({ letters: 2, paper: "LETTER", language: "kk", variant: "2-page" });
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = await renderLetterPdf(document);
  });

  it("is US Letter (612 × 792 pt)", async () => {
    const doc = await getDocumentProxy(bytes(pdf));
    const [x0, y0, x1, y1] = (await doc.getPage(1)).view;
    expect(x1! - x0!).toBeCloseTo(612, 1);
    expect(y1! - y0!).toBeCloseTo(792, 1);
  });

  it("flows each letter onto a second page, numbered per letter, with the footer on every page", async () => {
    const pages = await pageTexts(pdf);
    expect(pages).toHaveLength(4);
    expect(pages.map((text) => text.match(/(\d+ \/ \d+)$/)?.[1])).toEqual(["1 / 2", "2 / 2", "1 / 2", "2 / 2"]);
    for (const text of pages) expect(text).toContain(document.letters[0]!.footer);
    expect(pages[2]).toContain(SAMPLE_RECIPIENTS[1]!.address[0]!);
  });

  it("puts the address in the #10 window (2.04–3.17 in from the top, from 7/8 in on the left)", async () => {
    const { items } = await extractTextItems(bytes(pdf));
    for (const line of SAMPLE_RECIPIENTS[0]!.address) {
      const item = items[0]!.find((it) => it.str === line);
      expect(item, line).toBeDefined();
      const top = 792 - item!.y;
      expect(top).toBeGreaterThan(2.04 * 72);
      expect(top).toBeLessThan(3.17 * 72);
      expect(item!.x).toBeGreaterThanOrEqual(0.875 * 72);
      expect(item!.x + item!.width).toBeLessThan((0.875 + 4.5 - 1) * 72); // still inside with 1 in of sideways play
    }
  });

  it("sets the document language", async () => {
    expect(pdf.toString("latin1")).toMatch(/\/Lang \(kk\)/);
    const { info } = await getMeta(bytes(pdf));
    expect(info.Title).toBe(document.title);
  });
});

describe("fonts", () => {
  it("render the Kazakh letters in all four styles and extract them back, with one subset per style", async () => {
    const sample: TLetterDocument = sampleLetterDocument({ letters: 1 });
    const letter = sample.letters[0]!;
    const document: TLetterDocument = {
      ...sample,
      letters: [
        {
          ...letter,
          blocks: [
            {
              type: "paragraph",
              inlines: [
                { text: `R ${KAZAKH_LETTERS} ` },
                { text: `B ${KAZAKH_LETTERS} `, bold: true },
                { text: `I ${KAZAKH_LETTERS} `, italic: true },
                { text: `BI ${KAZAKH_LETTERS}`, bold: true, italic: true },
              ],
            },
          ],
        },
      ],
    };
    const pdf = await renderLetterPdf(document);
    const [page] = await pageTexts(pdf);
    for (const style of ["R", "B", "I", "BI"]) expect(page).toContain(`${style} ${KAZAKH_LETTERS}`);
    expect(baseFonts(pdf).map(withoutSubsetTag)).toEqual([
      "NotoSerif-Bold",
      "NotoSerif-BoldItalic",
      "NotoSerif-Italic",
      "NotoSerif-Regular",
    ]);
  });

  it("have a glyph for every Kazakh letter in every style", async () => {
    await loadPdfFonts();
    for (const fontWeight of [400, 700]) {
      for (const fontStyle of ["normal", "italic"] as const) {
        const font = Font.getFont({ fontFamily: PDF_FONT_FAMILY, fontWeight, fontStyle }).data;
        expect(font).not.toBeNull();
        const missing = [...KAZAKH_LETTERS].filter((ch) => !font!.hasGlyphForCodePoint(ch.codePointAt(0)!));
        expect(missing).toEqual([]);
      }
    }
  });

  it("shape word by word exactly as fontkit shapes whole runs", async () => {
    await loadPdfFonts();
    const texts = [
      ...SAMPLE_DEMANDS,
      "Әсем Қайратқызы Нұрланова, «Алматы» — 28 февраля 2025 г. Office: “Feminita” fi fl ffi AV To Wa.",
      "“AVAT” — To Wa, Ty. 1.–4. (9) fi/fl ﬁ",
      "28 / 02 — 2025",
    ];
    type TRun = { glyphs: { id: number }[]; positions: { xAdvance: number; xOffset: number; yOffset: number }[] };
    const shapeAll = (cache: boolean) => {
      setPdfShapingCache(cache);
      return [400, 700].flatMap((fontWeight) =>
        (["normal", "italic"] as const).flatMap((fontStyle) => {
          const font = Font.getFont({ fontFamily: PDF_FONT_FAMILY, fontWeight, fontStyle }).data as unknown as {
            layout(text: string, features?: unknown, script?: unknown, language?: unknown, direction?: string): TRun;
          };
          return texts.map((text) => {
            const run = font.layout(text, undefined, undefined, undefined, "ltr");
            return { ids: run.glyphs.map((g) => g.id), positions: run.positions.map((p) => [p.xAdvance, p.xOffset, p.yOffset]) };
          });
        }),
      );
    };
    try {
      const plain = shapeAll(false);
      expect(shapeAll(true)).toEqual(plain);
      expect(shapeAll(true)).toEqual(plain); // from the cache this time
    } finally {
      setPdfShapingCache(true);
    }
  });

  it("keep words whole, but let over-long ones (URLs) break without a hyphen", async () => {
    expect(splitWord("Секербаеваға")).toEqual(["Секербаеваға"]);
    expect(allowBreaks("Жанар Секербаеваға бостандық!")).toBe("Жанар Секербаеваға бостандық!");
    const url = `https://www.example.org/campaigns/urgent-appeals/kazakhstan/${"x".repeat(90)}.html`;
    const marked = allowBreaks(url);
    expect(marked.replaceAll("\uFEFF", "")).toBe(url);
    expect(splitWord(marked).filter((part) => part !== "\uFEFF").join("")).toBe(url);
    expect(splitWord(marked).length).toBeGreaterThan(4);

    const document = sampleLetterDocument({ letters: 1, personalNote: `See ${url} for details.` });
    const pdf = await renderLetterPdf(document);
    const text = (await pageTexts(pdf)).join(" ");
    // Nothing is cut off at the margin, and no hyphen is put into the URL.
    expect(text.replace(/[\s\uFEFF]/g, "")).toContain(`See${url}fordetails.`);
    expect(baseFonts(pdf).map(withoutSubsetTag)).not.toContain("Helvetica");
  });
});
