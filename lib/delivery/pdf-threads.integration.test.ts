import { afterAll, describe, expect, it } from "vitest";
import { sampleLetterDocument } from "@/components/pdf/sample-letter";
import { pdfPages, squash } from "@/e2e/fixtures/pdf-text";
import { createPdfThreads, startPdfThreads } from "./pdf-threads";

describe("PDFs laid out on threads (npm run worker)", () => {
  const logged: string[] = [];
  const threads = createPdfThreads(2, { log: (m) => logged.push(m) });
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

  it("tries a document once more when a thread fails it, and then gives the failure to the letter", async () => {
    // A function cannot be handed to a thread: both tries fail, and the caller (deliver.ts) fails the letter.
    const document = { ...sampleLetterDocument(), notForThreads: () => 1 };
    await expect(threads.render(document)).rejects.toThrow();
    expect(logged.filter((m) => m.startsWith("laid out again on a fresh thread"))).toHaveLength(1);
    // The pool still works after it.
    const pdf = await threads.render(sampleLetterDocument());
    expect(squash((await pdfPages(pdf)).pages.join(" "))).toContain("Zhanar Sekerbayeva");
  });

  it("starts only threads that have shown they can lay out a letter", async () => {
    const started = await startPdfThreads(1, { log: (m) => logged.push(m) });
    expect(started?.size).toBe(1);
    await expect(started!.probe()).resolves.toBeUndefined();
    await started!.close();
  });
});
