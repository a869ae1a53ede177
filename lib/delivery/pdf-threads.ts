/**
 * PDF rendering on worker threads, for `npm run worker`: laying out a letter takes tens of milliseconds of CPU, so
 * one worker process renders on as many threads as the machine has cores while its main thread keeps talking to the
 * database and the SMTP server. Runs under tsx only (the thread loads TypeScript); the web process, built by Next.js,
 * renders in its own thread.
 */
import os from "node:os";
import path from "node:path";
import Piscina from "piscina";
import type { TLetterDocument } from "@/lib/letters/types";
import type { TPdfRenderer } from "./deliver";

export type TPdfThreads = { size: number; render: TPdfRenderer; close(): Promise<void> };

export function createPdfThreads(threads = os.availableParallelism()): TPdfThreads {
  const pool = new Piscina<TLetterDocument, Uint8Array>({
    // From the project root, as npm runs scripts (the migrations are found the same way).
    filename: path.join(process.cwd(), "lib/delivery/pdf-thread.ts"),
    // The thread loads TypeScript through tsx, whichever runner (tsx, Vitest) started this process.
    execArgv: ["--import", "tsx"],
    minThreads: threads,
    maxThreads: threads,
    // Each thread loads the fonts and compiles the layout code once, then keeps them.
    idleTimeout: Number.POSITIVE_INFINITY,
  });
  return {
    size: threads,
    async render(document) {
      const bytes = await pool.run(document);
      return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
    close: () => pool.close(),
  };
}
