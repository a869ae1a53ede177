/**
 * `npm run worker`: the delivery worker as its own process, for deployments on Postgres (run as many as needed).
 * Settings come from the environment (lib/env.ts); with the embedded database it refuses to start, because the web
 * process sends the letters itself.
 */
import { startPdfThreads } from "../lib/delivery/pdf-threads";
import { runWorkerFromEnv } from "../lib/delivery/worker";

runWorkerFromEnv({ pdfThreads: startPdfThreads }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
