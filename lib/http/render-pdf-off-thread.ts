import "server-only";
import os from "node:os";
import path from "node:path";
import Piscina from "piscina";
import { renderLetterPdf } from "@/components/pdf/render-pdf";
import { sampleLetterDocument } from "@/components/pdf/sample-letter";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { TLetterDocument } from "@/lib/letters/types";

/**
 * The web process lays out PDFs (previews, downloads) on worker threads, so that a burst of previews never stalls the
 * event loop that answers everyone else. The queue is bounded (PDF_QUEUE_MAX): when it is full the request is
 * answered 503 with Retry-After at once, instead of waiting behind minutes of work. Threads that cannot start
 * (they load TypeScript through tsx, like `npm run worker`) leave the main thread doing the work, with the same
 * bound on how much may wait.
 */
type TState = { ready: Promise<Piscina<TLetterDocument, Uint8Array> | undefined>; waiting: number };
const KEY = Symbol.for("urgent-letters.web-pdf-threads");
const store = globalThis as typeof globalThis & { [KEY]?: TState };

function state(): TState {
  if (!store[KEY]) {
    const settings = env();
    const threads = settings.WEB_PDF_THREADS ?? Math.max(1, Math.min(2, os.availableParallelism() - 1));
    store[KEY] = { ready: threads > 0 ? startPool(threads, settings.PDF_QUEUE_MAX) : Promise.resolve(undefined), waiting: 0 };
  }
  return store[KEY];
}

async function startPool(threads: number, maxQueue: number) {
  const pool = new Piscina<TLetterDocument, Uint8Array>({
    filename: path.join(process.cwd(), "lib/delivery/pdf-thread-entry.mjs"),
    // The thread loads TypeScript itself (pdf-thread-entry.mjs), without any of this process's flags.
    execArgv: [],
    minThreads: threads,
    maxThreads: threads,
    maxQueue,
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  pool.on("error", (error: unknown) => console.error(`[pdf] a PDF thread stopped: ${error instanceof Error ? error.message : String(error)}`));
  try {
    await Promise.all(Array.from({ length: threads }, () => pool.run(sampleLetterDocument())));
    return pool;
  } catch (error) {
    console.error(`[pdf] PDF threads cannot start (${error instanceof Error ? error.message : String(error)}): the web process lays PDFs out on its main thread`);
    await pool.close().catch(() => {});
    return undefined;
  }
}

const busy = () => new AppError("UNAVAILABLE", "Too many PDFs are being made right now. Please try again in a few seconds.", [], { retryAfter: 5 });

/** Starts the threads now (at boot), so the first preview does not wait for them. */
export function warmPdfThreads(): void {
  void state().ready;
}

/** The PDF of a document, laid out off the event loop; 503 (AppError UNAVAILABLE) when too much is waiting already. */
export async function renderPdfOffThread(document: TLetterDocument): Promise<Buffer> {
  const current = state();
  const maxQueue = env().PDF_QUEUE_MAX;
  if (current.waiting >= maxQueue) throw busy();
  current.waiting++;
  try {
    const pool = await current.ready;
    if (!pool) return await renderLetterPdf(document);
    try {
      const bytes = await pool.run(document);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    } catch (error) {
      if (error instanceof Error && /queue is at limit/i.test(error.message)) throw busy();
      // A thread that failed on this document (out of memory, say) must not fail the supporter's preview.
      console.error(`[pdf] laid out on the main thread instead: ${error instanceof Error ? error.message : String(error)}`);
      return await renderLetterPdf(document);
    }
  } finally {
    current.waiting--;
  }
}

/** How many threads lay out PDFs (0: the main thread does), once they have started. */
export async function pdfThreadCount(): Promise<number> {
  return (await state().ready)?.threads.length ?? 0;
}

/** Stops the threads (at shutdown). */
export async function closePdfThreads(): Promise<void> {
  const pool = await store[KEY]?.ready;
  delete store[KEY];
  await pool?.close().catch(() => {});
}
