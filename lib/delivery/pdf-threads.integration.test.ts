import { afterAll, describe, expect, it } from "vitest";
import { sampleLetterDocument } from "@/components/pdf/sample-letter";
import { pdfPages, squash } from "@/e2e/fixtures/pdf-text";
import { createPdfThreads } from "./pdf-threads";

describe("PDFs laid out on threads (npm run worker)", () => {
  const threads = createPdfThreads(2);
  afterAll(() => threads.close());

  it("answers each document with its own PDF, several at once", async () => {
    const documents = [0, 1, 2, 3].map((i) => {
      const document = sampleLetterDocument();
      return { ...document, letters: document.letters.map((l) => ({ ...l, sender: [`Supporter Number ${i}`, "Cork", "Ireland"] })) };
    });
    const pdfs = await Promise.all(documents.map((d) => threads.render(d)));
    for (const [i, pdf] of pdfs.entries()) {
      expect(Buffer.isBuffer(pdf)).toBe(true);
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      const text = squash((await pdfPages(pdf)).pages.join(" "));
      expect(text).toContain(`Supporter Number ${i}`);
      expect(text).toContain("Zhanar Sekerbayeva");
    }
  });
});
