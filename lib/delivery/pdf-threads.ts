/**
 * PDF rendering on worker threads, for `npm run worker`: laying out a letter takes tens of milliseconds of CPU, so
 * one worker process renders on as many threads as the machine has cores while its main thread keeps talking to the
 * database and the SMTP server. Runs under tsx only (the thread loads TypeScript); the web process, built by Next.js,
 * renders in its own thread.
 *
 * The worker's main thread runs under `--conditions=react-server` (so `server-only` modules load), where React is its
 * server build and react-pdf cannot lay anything out: PDFs are made on threads only, which start without that
 * condition. A letter must not fail because one thread died (out of memory): piscina replaces it, and the document is
 * laid out once more; only a second failure counts as the letter's own (deliver.ts then fails it for a campaigner).
 */
import "server-only";
import os from "node:os";
import path from "node:path";
import Piscina from "piscina";
import { sampleLetterDocument } from "@/components/pdf/sample-letter";
import type { TLetterDocument } from "@/lib/letters/types";
import type { TPdfRenderer } from "./deliver";

export type TPdfThreads = {
  size: number;
  render: TPdfRenderer;
  /** Lays out the sample letter on a thread, with no fallback: rejects when the threads cannot work. */
  probe(): Promise<void>;
  close(): Promise<void>;
};

export function createPdfThreads(threads = os.availableParallelism(), options: { log?: (message: string) => void } = {}): TPdfThreads {
  const log = options.log ?? ((message: string) => console.error(`[pdf] ${message}`));
  const pool = new Piscina<TLetterDocument, Uint8Array>({
    // From the project root, as npm runs scripts (the migrations are found the same way).
    filename: path.join(process.cwd(), "lib/delivery/pdf-thread-entry.mjs"),
    // The thread loads TypeScript itself (pdf-thread-entry.mjs), without this process's --conditions=react-server.
    execArgv: [],
    minThreads: threads,
    maxThreads: threads,
    // Each thread loads the fonts and compiles the layout code once, then keeps them.
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  // A thread that dies between tasks must not take the process with it; the pool starts another.
  pool.on("error", (error: unknown) => log(`a PDF thread stopped: ${error instanceof Error ? error.message : String(error)}`));
  return {
    size: threads,
    async render(document) {
      let bytes: Uint8Array;
      try {
        bytes = await pool.run(document);
      } catch (error) {
        log(`laid out again on a fresh thread: ${error instanceof Error ? error.message : String(error)}`);
        bytes = await pool.run(document);
      }
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    async probe() {
      await pool.run(sampleLetterDocument());
    },
    close: () => pool.close(),
  };
}

/** Threads that have shown they can lay out a letter (each loads its fonts now), or undefined when they cannot. */
export async function startPdfThreads(threads?: number, options: { log?: (message: string) => void } = {}): Promise<TPdfThreads | undefined> {
  const started = createPdfThreads(threads, options);
  try {
    await Promise.all(Array.from({ length: started.size }, () => started.probe()));
    return started;
  } catch (error) {
    (options.log ?? console.error)(`PDF threads cannot start (${error instanceof Error ? error.message : String(error)}): PDFs are laid out on the main thread`);
    await started.close();
    return undefined;
  }
}
