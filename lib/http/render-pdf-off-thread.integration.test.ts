import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sampleLetterDocument } from "@/components/pdf/sample-letter";
import { AppError } from "@/lib/errors/app-error";

describe("PDFs in the web process", () => {
  let render: typeof import("./render-pdf-off-thread");
  beforeAll(async () => {
    // One thread and room for four waiting documents: the bound is then easy to reach.
    process.env.WEB_PDF_THREADS = "1";
    process.env.PDF_QUEUE_MAX = "4";
    render = await import("./render-pdf-off-thread");
  });
  afterAll(async () => {
    await render.closePdfThreads();
    delete process.env.WEB_PDF_THREADS;
    delete process.env.PDF_QUEUE_MAX;
  });

  it("are laid out on a thread, and a full queue answers 503 with Retry-After at once instead of waiting", async () => {
    const document = sampleLetterDocument({ letters: 7 });
    const outcomes = await Promise.allSettled(Array.from({ length: 12 }, () => render.renderPdfOffThread(document)));
    const done = outcomes.filter((o) => o.status === "fulfilled").map((o) => (o as PromiseFulfilledResult<Buffer>).value);
    const refused = outcomes.filter((o) => o.status === "rejected").map((o) => (o as PromiseRejectedResult).reason as unknown);
    expect(done.length).toBe(4);
    for (const pdf of done) expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(refused).toHaveLength(8);
    for (const error of refused) {
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).status).toBe(503);
      expect((error as AppError).retryAfter).toBeGreaterThan(0);
    }
    // The work was done on the thread, not on the event loop.
    expect(await render.pdfThreadCount()).toBe(1);
    // Once the queue has drained, the next document is laid out again.
    expect((await render.renderPdfOffThread(sampleLetterDocument())).subarray(0, 5).toString()).toBe("%PDF-");
  });
});
