/**
 * `npm run bench:delivery`: letters per second from the queue to a local SMTP server, PDF rendering included, with
 * one worker and with two. Several runs each; prints the median and the spread. Bounded to well under two minutes.
 *
 * Each letter is a full-length one-page letter (the sample appeal, signed by a different supporter), rendered from
 * its frozen page, attached, and sent through the pooled transport to an smtp-server in this process that only counts
 * messages. Pacing caps are set out of the way (20 officials, caps of 100 000): this measures the sending machinery,
 * not the pacing policy.
 *
 * Two workers need two processes on Postgres (DATABASE_URL): with the embedded PGlite only one process may open the
 * database, and two workers inside one Node process would share one CPU core, which measures nothing useful.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import type { AddressInfo } from "node:net";
import os from "node:os";
import { performance } from "node:perf_hooks";
import { fileURLToPath } from "node:url";
import { SMTPServer } from "smtp-server";
import { sampleLetterDocument } from "../components/pdf/sample-letter";
import { openDatabase, type TDatabase } from "../lib/db/open";
import { actions, letters } from "../lib/db/schema";
import type { TLetterPage } from "../lib/letters/types";
import { createMailTransport } from "../lib/mail/transport";
import { startPdfThreads, type TPdfThreads } from "../lib/delivery/pdf-threads";
import { DEFAULT_CONCURRENCY, sendDueLetters } from "../lib/delivery/send-due-letters";
import { NO_CAPS, seedCampaign, seedLetters, seedRecipient, TEST_MAIL_FROM, TEST_ORGANISATION } from "../test/delivery/seed";
import { testDatabases } from "../test/databases";

const LETTERS_PER_RUN = 200;
const RUNS = 3;
const OFFICIALS = 20;
/** A run taking longer than this is abandoned (keeps the whole benchmark bounded). */
const RUN_LIMIT_MS = 30_000;
/** PDF threads per worker process, as `npm run worker` starts them (PDF_THREADS, default one per core). */
const PDF_THREADS = process.env.PDF_THREADS ? Number(process.env.PDF_THREADS) : os.availableParallelism();

type TChildMessage = { type: "ready" } | { type: "idle"; sent: number; cpuMs: number };
/** `cpuMs`: CPU time the worker process(es) used per letter (user + system), which is what two cores run out of. */
type TRun = { rate: number; cpuMsPerLetter: number };

function cpuMsSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1000;
}

/** Sends every due letter, pass after pass, until a pass finds nothing. */
async function drain(database: TDatabase, smtpUrl: string, pdf?: TPdfThreads): Promise<number> {
  const transport = createMailTransport({ smtpUrl, db: database.db, maxConnections: 3 });
  let sent = 0;
  try {
    for (;;) {
      const c = await sendDueLetters({
        db: database.db,
        transport,
        now: () => new Date(),
        mailFrom: TEST_MAIL_FROM,
        organisationName: TEST_ORGANISATION,
        // As `npm run worker` does: PDFs on threads, and enough letters in progress to keep them busy.
        ...(pdf ? { renderPdf: pdf.render, concurrency: Math.max(DEFAULT_CONCURRENCY, pdf.size * 2) } : {}),
      });
      sent += c.sent + c.digested;
      if (c.sent + c.digested + c.deferred + c.retried + c.failed === 0) return sent;
    }
  } finally {
    transport.close();
  }
}

// ——— child process: one worker, on Postgres, as `npm run worker` runs ———

async function child(): Promise<void> {
  const database = await openDatabase({ databaseUrl: process.env.BENCH_DATABASE_URL, migrate: false });
  // Every thread warmed (fonts loaded, code compiled), as `npm run worker` starts them.
  const pdf = await startPdfThreads(PDF_THREADS);
  if (!pdf) throw new Error("the PDF threads did not start");
  const send = (message: TChildMessage) => process.send?.(message);
  process.on("message", async (message: { type: string; smtpUrl?: string }) => {
    if (message.type === "go") {
      const cpu = process.cpuUsage();
      const sent = await drain(database, message.smtpUrl!, pdf);
      send({ type: "idle", sent, cpuMs: cpuMsSince(cpu) });
    } else if (message.type === "exit") {
      await pdf.close();
      await database.close();
      process.exit(0);
    }
  });
  send({ type: "ready" });
}

// ——— parent: database, SMTP sink, runs, report ———

async function startSink() {
  let count = 0;
  let waiter: { target: number; resolve: () => void } | null = null;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    logger: false,
    closeTimeout: 50,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () => {
        count++;
        if (waiter && count >= waiter.target) waiter.resolve();
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const port = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    reset: () => (count = 0),
    waitFor(target: number) {
      return count >= target ? Promise.resolve() : new Promise<void>((resolve) => (waiter = { target, resolve }));
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A realistic page: the sample appeal, signed by letter i's supporter. */
function benchPage(): (i: number, signature: string) => TLetterPage {
  const sample = sampleLetterDocument().letters[0]!;
  return (i, signature) => ({ ...sample, sender: [signature, `City${i}`, "Ireland"] });
}

async function queueLetters(database: TDatabase, slug: string, officials: string[]): Promise<void> {
  await database.db.delete(letters);
  await database.db.delete(actions);
  const page = benchPage();
  const per = LETTERS_PER_RUN / officials.length;
  for (const official of officials) {
    await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: per, queuedAt: new Date(Date.now() - 1000), page });
  }
}

function withLimit<T>(work: Promise<T>, what: string): Promise<T> {
  return Promise.race([work, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`${what} took over ${RUN_LIMIT_MS / 1000} s`)), RUN_LIMIT_MS).unref())]);
}

async function spawnWorkers(n: number, databaseUrl: string): Promise<ChildProcess[]> {
  const self = fileURLToPath(import.meta.url);
  const children = Array.from({ length: n }, () =>
    spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", self, "--child"], {
      cwd: process.cwd(),
      env: { ...process.env, BENCH_DATABASE_URL: databaseUrl },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    }),
  );
  await Promise.all(children.map((c) => nextMessage(c, "ready")));
  return children;
}

function nextMessage(c: ChildProcess, type: TChildMessage["type"]): Promise<TChildMessage> {
  return new Promise((resolve, reject) => {
    const onMessage = (message: TChildMessage) => {
      if (message.type !== type) return;
      c.off("message", onMessage);
      c.off("exit", onExit);
      resolve(message);
    };
    const onExit = (code: number | null) => reject(new Error(`worker process exited (${code}) before "${type}"`));
    c.on("message", onMessage);
    c.once("exit", onExit);
  });
}

async function runInProcess(database: TDatabase, sink: Awaited<ReturnType<typeof startSink>>, queue: () => Promise<void>): Promise<TRun> {
  await queue();
  sink.reset();
  const cpu = process.cpuUsage();
  const started = performance.now();
  await withLimit(Promise.all([drain(database, sink.url), sink.waitFor(LETTERS_PER_RUN)]), "a run");
  const seconds = (performance.now() - started) / 1000;
  // In this process the CPU time also covers the SMTP sink and PGlite.
  return { rate: LETTERS_PER_RUN / seconds, cpuMsPerLetter: cpuMsSince(cpu) / LETTERS_PER_RUN };
}

async function runInChildren(children: ChildProcess[], sink: Awaited<ReturnType<typeof startSink>>, queue: () => Promise<void>): Promise<TRun> {
  await queue();
  sink.reset();
  const started = performance.now();
  const idle = children.map((c) => nextMessage(c, "idle"));
  for (const c of children) c.send({ type: "go", smtpUrl: sink.url });
  const reports = await withLimit(Promise.all([...idle, sink.waitFor(LETTERS_PER_RUN).then(() => null)]), "a run");
  const seconds = (performance.now() - started) / 1000;
  const cpuMs = reports.reduce((sum, r) => sum + (r && r.type === "idle" ? r.cpuMs : 0), 0);
  return { rate: LETTERS_PER_RUN / seconds, cpuMsPerLetter: cpuMs / LETTERS_PER_RUN };
}

function summary(label: string, runs: TRun[]): string {
  const rates = runs.map((r) => r.rate).sort((a, b) => a - b);
  const median = rates[Math.floor(rates.length / 2)]!;
  const cpu = runs.reduce((s, r) => s + r.cpuMsPerLetter, 0) / runs.length;
  return (
    `${label.padEnd(40)} median ${median.toFixed(1).padStart(5)} letters/s   ` +
    `spread ${rates[0]!.toFixed(1)}–${rates.at(-1)!.toFixed(1)}   runs ${runs.map((r) => r.rate.toFixed(1)).join(", ")}   ` +
    `worker CPU ${cpu.toFixed(0)} ms/letter`
  );
}

async function parent(): Promise<void> {
  const benchStarted = performance.now();
  const loadBefore = os.loadavg()[0]!.toFixed(1);
  const postgres = testDatabases().find((d) => d.name === "postgres");
  const database: TDatabase & { url?: string } = postgres ? await postgres.open() : await openDatabase({});
  const sink = await startSink();
  const children: ChildProcess[] = [];
  try {
    const slug = await seedCampaign(database.db, { settings: NO_CAPS });
    const officials: string[] = [];
    for (let i = 0; i < OFFICIALS; i++) officials.push(await seedRecipient(database.db));
    const queue = () => queueLetters(database, slug, officials);
    console.log(
      `Delivery benchmark: ${LETTERS_PER_RUN} letters a run, ${RUNS} timed runs each after a warm-up run, one-page letters with their PDF, ` +
        `local smtp-server, pooled transport (3 connections); database: ${postgres ? "Postgres (DATABASE_URL)" : "embedded PGlite"}.`,
    );

    const results: string[] = [];
    if (postgres) {
      for (const n of [1, 2]) {
        const workers = await spawnWorkers(n, database.url!);
        children.push(...workers);
        await runInChildren(workers, sink, queue); // warm-up run (JIT, connection pools, Postgres caches), not counted
        const runs: TRun[] = [];
        for (let r = 0; r < RUNS; r++) runs.push(await runInChildren(workers, sink, queue));
        results.push(summary(`${n} worker${n > 1 ? "s" : ""} (${n} process${n > 1 ? "es" : ""} × ${PDF_THREADS} PDF threads)`, runs));
        console.log(results.at(-1));
        for (const w of workers) w.send({ type: "exit" });
        await Promise.all(workers.map((w) => once(w, "exit")));
      }
    } else {
      await runInProcess(database, sink, queue); // warm-up run (JIT, fonts, caches), not counted
      const runs: TRun[] = [];
      for (let r = 0; r < RUNS; r++) runs.push(await runInProcess(database, sink, queue));
      results.push(summary("1 worker (this process, PDFs on its main thread, as in the web process)", runs));
      console.log(results.at(-1));
      console.log(
        "2 workers: not measured. Without DATABASE_URL the database is the embedded PGlite, which only one process may " +
          "open, and two workers in one Node process share one core. Set DATABASE_URL to measure two worker processes.",
      );
    }
    console.log(
      `Target: ≥ 40 letters/s on this machine (${os.cpus().length} cores). Took ${((performance.now() - benchStarted) / 1000).toFixed(0)} s; ` +
        `load average before ${loadBefore}, after ${os.loadavg()[0]!.toFixed(1)} (other work on the machine skews the figures).`,
    );
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill("SIGTERM");
    await sink.stop();
    await database.close();
  }
}

(process.argv.includes("--child") ? child() : parent()).catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
