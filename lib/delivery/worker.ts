/**
 * The delivery worker: runs sendDueLetters again and again until stopped. Passes never overlap (the next starts
 * only after the previous one ended); a failing pass is logged and the loop goes on. When a pass sent a full batch
 * there is probably more waiting, so the next pass starts at once instead of after the interval.
 *
 * With Postgres it runs as its own process (`npm run worker`, as many as needed); with the embedded PGlite only the
 * web process may open the database, so the web process runs the same loop itself.
 */
import "server-only";
import { composeOutboxMessage } from "@/lib/actions/confirmation-message";
import { startHousekeeping } from "@/lib/actions/housekeeping";
import { openDatabase } from "@/lib/db/open";
import { env, publicUrl, type TEnv } from "@/lib/env";
import { createMailTransport, type TDkim } from "@/lib/mail/transport";
import { sendOutbox } from "@/lib/mail/outbox";
import { runRetentionWhenDue } from "@/lib/privacy/run-retention-when-due";
import { sendDueWebhooks } from "@/lib/webhooks/send-due-webhooks";
import type { TPdfThreads } from "./pdf-threads";
import { probeRelay } from "./probe-relay";
import { readRelayPause } from "./read-relay-state";
import { DEFAULT_BATCH_SIZE, DEFAULT_CONCURRENCY, sendDueLetters, type TSendCounts, type TSendDueLettersOptions } from "./send-due-letters";

export const DEFAULT_INTERVAL_MS = 2000;
/** The longest `npm run worker` takes to stop on SIGTERM; orchestrators kill at 10 s. */
const WORKER_STOP_DEADLINE_MS = 8_000;
/** How often a worker asks whether the hourly retention run is due (the claim itself decides: once an hour in all). */
export const RETENTION_CHECK_MS = 5 * 60_000;
/** While sending is paused, the relay is tried again this often (a real message: the alert to campaigners). */
export const RELAY_PROBE_MS = 5 * 60_000;

export type TStartWorkerOptions = Omit<TSendDueLettersOptions, "now"> & {
  intervalMs?: number;
  now?: () => Date;
  /** Called after each pass (for logs and metrics). */
  onPass?: (counts: TSendCounts) => void;
  /** Send the outbox (confirmation emails) too; default true. */
  outbox?: boolean;
  /** Send the partners' webhooks (lib/webhooks/send-due-webhooks.ts) too; default true. */
  webhooks?: boolean;
  /** Run the retention job (lib/privacy/run-retention-when-due.ts) once an hour between all workers; default true. */
  retention?: boolean;
  /** Heed the relay pause (lib/delivery/read-relay-state.ts); default true. Only tests of the loop itself turn it off. */
  relayPause?: boolean;
  /** While sending is paused (the relay refuses mail), how often to try it again with the alert email. */
  relayProbeMs?: number;
  /** The admin's address for the alert email; default PUBLIC_URL/admin. */
  adminUrl?: string;
  /** The pass to run; only tests of the loop itself replace it. */
  pass?: (options: TSendDueLettersOptions) => Promise<TSendCounts>;
};

export type TWorker = { stop(): Promise<void> };

export function startWorker(options: TStartWorkerOptions): TWorker {
  const { intervalMs = DEFAULT_INTERVAL_MS, onPass, pass = sendDueLetters, relayProbeMs = RELAY_PROBE_MS, adminUrl, ...rest } = options;
  // Stopping aborts the pass in progress: what it has not started goes back to the queue, so a stop (SIGTERM) waits
  // only for the sends already on the wire.
  const abort = new AbortController();
  const passOptions: TSendDueLettersOptions = { ...rest, now: options.now ?? (() => new Date()), signal: abort.signal };
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const log = options.log ?? ((message: string) => console.error(`[delivery] ${message}`));
  let stopping = false;
  let wake: (() => void) | null = null;

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        wake = null;
        resolve();
      };
      const timer = setTimeout(done, ms);
      wake = done;
    });

  // A submission in this process can wake the loop, so its confirmation email leaves at once.
  const wakers = wakeCallbacks();
  const onWake = () => wake?.();
  wakers.add(onWake);

  let retentionCheckedAt = -Infinity;
  let probedAt = -Infinity;

  /**
   * While the relay refuses all mail nothing is sent, confirmations included (they go through the same relay): the
   * outbox and the queue wait, and now and then the alert email tries the relay. Answers true while paused.
   */
  const relayPaused = async (): Promise<boolean> => {
    if (options.relayPause === false || !(await readRelayPause(rest.db))) return false;
    if (Date.now() - probedAt >= relayProbeMs) {
      probedAt = Date.now();
      const result = await probeRelay({
        db: rest.db,
        transport: rest.transport,
        now: passOptions.now(),
        mailFrom: rest.mailFrom,
        organisationName: rest.organisationName,
        adminUrl: adminUrl ?? `${publicUrl()}/admin`,
      });
      if (result === "accepts") log("the relay accepts mail again: owners and editors were told; an owner resumes sending in the admin");
    }
    return true;
  };

  const loop = (async () => {
    while (!stopping) {
      let more = false;
      if (options.retention !== false && Date.now() - retentionCheckedAt >= RETENTION_CHECK_MS) {
        retentionCheckedAt = Date.now();
        try {
          const done = await runRetentionWhenDue(rest.db, passOptions.now());
          if (done && done.actions + done.capturedMail > 0) {
            log(`retention: ${done.actions} actions and ${done.letters} letters anonymised, ${done.capturedMail} captured mails deleted`);
          }
        } catch (error) {
          log(`retention failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
        }
      }
      try {
        if (await relayPaused()) {
          if (!stopping) await sleep(intervalMs);
          continue;
        }
      } catch (error) {
        log(`relay check failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      try {
        if (options.outbox !== false) {
          const sentMail = await sendOutbox({ db: rest.db, transport: rest.transport, now: passOptions.now, compose: composeOutboxMessage });
          more = sentMail >= 50;
        }
      } catch (error) {
        log(`outbox failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      try {
        if (options.webhooks !== false) {
          const hooks = await sendDueWebhooks({ db: rest.db, now: passOptions.now, allowPrivate: env().WEBHOOK_ALLOW_PRIVATE_URLS });
          more ||= hooks.delivered + hooks.retried + hooks.failed >= 20;
        }
      } catch (error) {
        log(`webhooks failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      try {
        const counts = await pass(passOptions);
        onPass?.(counts);
        const handled = counts.sent + counts.retried + counts.failed + counts.deferred + counts.digested;
        // Only go straight on when letters are really going out: a pass that only put letters back (relay down)
        // must not spin.
        more ||= counts.sent + counts.digested > 0 && handled >= batchSize;
      } catch (error) {
        log(`pass failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      if (!stopping && !more) await sleep(intervalMs);
    }
  })();

  return {
    async stop() {
      stopping = true;
      abort.abort();
      wakers.delete(onWake);
      wake?.();
      await loop;
    },
  };
}

const WAKERS = Symbol.for("urgent-letters.worker-wakers");
function wakeCallbacks(): Set<() => void> {
  const g = globalThis as typeof globalThis & { [WAKERS]?: Set<() => void> };
  return (g[WAKERS] ??= new Set());
}

/** Wakes the workers running in this process (if any), e.g. after a submission queued a confirmation email. */
export function wakeWorker(): void {
  for (const wake of wakeCallbacks()) wake();
}

function dkimFrom(settings: TEnv): TDkim | undefined {
  const { DKIM_DOMAIN, DKIM_SELECTOR, DKIM_PRIVATE_KEY } = settings;
  return DKIM_DOMAIN && DKIM_SELECTOR && DKIM_PRIVATE_KEY
    ? { domainName: DKIM_DOMAIN, keySelector: DKIM_SELECTOR, privateKey: DKIM_PRIVATE_KEY }
    : undefined;
}

/**
 * `npm run worker`: the worker as its own process, on Postgres. Resolves with the exit code once stopped by SIGINT
 * or SIGTERM (the pass in progress finishes first, so no letter is left half-recorded).
 */
export async function runWorkerFromEnv(options: { pdfThreads?: (count?: number) => Promise<TPdfThreads | undefined> } = {}): Promise<number> {
  let settings: TEnv;
  try {
    settings = env();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    return 1;
  }
  if (!settings.DATABASE_URL) {
    console.error(
      "The worker runs on Postgres only. DATABASE_URL is not set, so the app uses the embedded PGlite database, which " +
        "only one process may open: the web process (npm start) runs the sender itself. Set DATABASE_URL to run " +
        "separate workers.",
    );
    return 1;
  }
  const database = await openDatabase({ databaseUrl: settings.DATABASE_URL });
  const transport = createMailTransport({ smtpUrl: settings.SMTP_URL, db: database.db, dkim: dkimFrom(settings) });
  const where = settings.SMTP_URL ? `SMTP ${new URL(settings.SMTP_URL).host}` : "the database (SMTP_URL is not set: mail is captured, not sent)";
  // PDFs are laid out on threads (scripts/worker.ts starts them): this process runs under --conditions=react-server,
  // where react-pdf cannot lay out on the main thread (see pdf-threads.ts).
  const threads = await options.pdfThreads?.(settings.PDF_THREADS);
  if (options.pdfThreads && !threads) {
    console.error("The worker could not start its PDF threads (see the message above), so it cannot lay out letters.");
    return 1;
  }
  const pdfs = threads ? `PDFs on ${threads.size} threads` : "PDFs on the main thread";
  console.log(`Urgent Letters worker: sending as ${settings.MAIL_FROM} through ${where}${dkimFrom(settings) ? ", DKIM-signed" : ""}; ${pdfs}.`);
  const worker = startWorker({
    db: database.db,
    transport,
    renderPdf: threads?.render,
    // Enough letters in progress to keep every thread busy while others wait for the database or SMTP.
    concurrency: Math.max(DEFAULT_CONCURRENCY, (threads?.size ?? 0) * 2),
    mailFrom: settings.MAIL_FROM,
    organisationName: settings.ORGANISATION_NAME,
    bounceAddress: settings.BOUNCE_ADDRESS,
    relayProbeMs: settings.RELAY_PROBE_SECONDS * 1000,
    onPass: (c) => {
      if (c.sent + c.digested + c.failed + c.retried > 0) {
        console.log(`sent ${c.sent}, in digests ${c.digested}, retried ${c.retried}, failed ${c.failed}, deferred ${c.deferred}`);
      }
    },
  });
  const stopHousekeeping = startHousekeeping(database.db);
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", () => resolve("SIGINT"));
    process.once("SIGTERM", () => resolve("SIGTERM"));
  });
  console.log(`${signal}: finishing the sends on the wire, then stopping.`);
  // A second signal means "now", and so does a stop that takes too long (a relay that does not answer): the letters
  // in flight stay locked and another worker takes them once their short lock has run out.
  process.once(signal, () => process.exit(1));
  setTimeout(() => {
    console.error(`not stopped after ${WORKER_STOP_DEADLINE_MS / 1000} s; exiting now.`);
    process.exit(1);
  }, WORKER_STOP_DEADLINE_MS).unref();
  stopHousekeeping();
  await worker.stop();
  await threads?.close();
  transport.close();
  await database.close();
  return 0;
}
