import { describe, expect, it } from "vitest";
import { extractText } from "unpdf";
import type { TLetterBlock, TLetterDocument } from "@/lib/letters/types";
import { letterEnding, separateSignature } from "./letter-document";
import { renderLetterPdf } from "./render-pdf";
import { sampleLetterDocument, SAMPLE_CLOSING, SAMPLE_SUPPORTER_NAME } from "./sample-letter";

const p = (text: string): TLetterBlock => ({ type: "paragraph", inlines: [{ text }] });

async function pageTexts(pdf: Buffer): Promise<string[]> {
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: false });
  return text.map((page) => page.replace(/\s+/g, " ").trim());
}

describe("the end of a letter", () => {
  it("keeps the paragraph before the closing, the closing and the signature together", () => {
    const blocks = [p("Your Excellency,"), p("A long paragraph. ".repeat(60)), p("Thank you for your attention."), p("Respectfully,"), p("Camille Roy")];
    expect(letterEnding(blocks, "Camille Roy")).toEqual({ start: 2, signature: 4 });
    // Whatever follows the name (a city and country line) goes with it.
    expect(letterEnding([...blocks, p("Montréal, Canada")], "Camille Roy")).toEqual({ start: 2, signature: 4 });
    // A lead-in too long to move stays where it is: the closing still does not go alone.
    const long = [p("Your Excellency,"), p("x".repeat(900)), p("Respectfully,"), p("Camille Roy")];
    expect(letterEnding(long, "Camille Roy")).toEqual({ start: 2, signature: 3 });
  });

  it("separates a closing written in one paragraph with the name", () => {
    expect(separateSignature([p(`${SAMPLE_CLOSING}\n\n${SAMPLE_SUPPORTER_NAME}`)], SAMPLE_SUPPORTER_NAME)).toEqual([p(SAMPLE_CLOSING), p(SAMPLE_SUPPORTER_NAME)]);
    expect(separateSignature([p(SAMPLE_SUPPORTER_NAME)], SAMPLE_SUPPORTER_NAME)).toEqual([p(SAMPLE_SUPPORTER_NAME)]);
  });

  it("never leaves the closing and the signature alone on a sheet, whatever the note's length", async () => {
    const base = sampleLetterDocument({ variant: "2-page" });
    const letter = base.letters[0]!;
    // Notes of growing length move the page break through the end of the letter.
    for (const words of [0, 40, 80, 120, 160, 200]) {
      const note = "Free Zhanar Sekerbayeva now. ".repeat(words / 4);
      const blocks = letter.blocks.map((b, i) => (i === letter.blocks.length - 2 && b.type === "paragraph" ? { ...b, inlines: [{ text: `Personal note: ${note}` }] } : b));
      const document: TLetterDocument = { ...base, letters: [{ ...letter, blocks }] };
      const pages = await pageTexts(await renderLetterPdf(document));
      const last = pages.at(-1)!;
      const lastPageBody = last.replace(/\d+ \/ \d+$/, "").replace(letter.footer, "").trim();
      // The last sheet holds more than the closing and the name.
      expect(lastPageBody.replace(SAMPLE_CLOSING, "").replace(SAMPLE_SUPPORTER_NAME, "").trim().length, `note of ${words} words`).toBeGreaterThan(40);
    }
  });

  it("sets a long sender address above the date instead of beside the window", async () => {
    const base = sampleLetterDocument();
    const sender = [SAMPLE_SUPPORTER_NAME, ...Array.from({ length: 16 }, (_, i) => `Address line ${i + 1}`), "Kazakhstan"];
    const pdf = await renderLetterPdf({ ...base, letters: [{ ...base.letters[0]!, sender }] });
    const [first] = await pageTexts(pdf);
    // In the flow, the sender's lines come after the envelope address and before the date.
    const address = first!.indexOf(base.letters[0]!.recipientAddress.at(-1)!);
    // (The return line above the window names the sender on one line first; the block itself follows the address.)
    const line16 = first!.indexOf("Address line 16", address);
    const date = first!.indexOf(base.letters[0]!.dateText);
    expect(address).toBeGreaterThanOrEqual(0);
    expect(line16).toBeGreaterThan(address);
    expect(date).toBeGreaterThan(line16);
    // A short one stays at the top, before the envelope address.
    const [short] = await pageTexts(await renderLetterPdf(base));
    expect(short!.indexOf("Алматы")).toBeLessThan(short!.indexOf(base.letters[0]!.recipientAddress.at(-1)!));
  });
});
