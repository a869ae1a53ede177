/**
 * `npm run bench:submit`: an HTTP load generator (autocannon) against POST /api/v1/actions, on the embedded PGlite
 * and, when a Postgres server is reachable (DATABASE_URL, or the local one), on Postgres. Prints requests/s at full
 * load (autocannon, 32 connections), and p50/p95/p99 latency at a steady 200 requests/s. Each request is a new supporter (its own email, and its
 * own address in X-Forwarded-For, as behind a proxy), so every one does the whole job under the default rate limits:
 * validate, check limits and repeats, compose and freeze the letters, and queue the confirmation email, in one
 * statement.
 */
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { Client } from "pg";
import { startServer } from "./server";
import { BotCheckPool, TEST_BOT_CHECK_DIFFICULTY } from "../test/bot-check";
import { fmt, percentile, summary } from "./stats";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);

/** Requests a second this bench stocks bot checks for (well above what it has measured). */
const PROOFS_PER_SECOND = 1200;
const proofs = new BotCheckPool();

let counter = 0;
/** A different supporter's address for each request: 10.0.0.1, 10.0.0.2, … */
function forwardedFor() {
  return `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`;
}

function body() {
  counter += 1;
  return JSON.stringify({
    campaign: "dnc-sekerbayeva-charges",
    supporter: { name: "Bench Supporter", email: `bench.${process.pid}.${counter}.${randomUUID().slice(0, 8)}@example.org`, city: "Toronto", country: "CA" },
    recipients: ["kz-president", "ca-minister-foreign-affairs", "ca-parl-sec-foreign-affairs"],
    personalNote: "I write as a constituent who cares about human rights defenders.",
    delivery: "email",
    // Solved before the phase started (BotCheckPool): the bench measures the server's check, not the solve.
    botCheck: proofs.take(),
  });
}

async function load(url: string, options: { connections: number; seconds: number }) {
  await proofs.fill(url, options.seconds * PROOFS_PER_SECOND);
  const latencies: number[] = [];
  const statuses = new Map<number, number>();
  let finish: (result: autocannon.Result) => void = () => {};
  let fail: (error: Error) => void = () => {};
  const done = new Promise<autocannon.Result>((resolve, reject) => {
    finish = resolve;
    fail = reject;
  });
  const instance = autocannon(
    {
    url: `${url}/api/v1/actions`,
    connections: options.connections,
    duration: options.seconds,
    requests: [
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        setupRequest: (request) => {
          const next = body();
          return { ...request, body: next, headers: { ...request.headers, "x-forwarded-for": forwardedFor() } };
        },
      },
    ],
    },
    (error, result) => (error ? fail(error) : finish(result)),
  );
  instance.on("response", (_client, status, _bytes, time) => {
    latencies.push(time);
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
  });
  const result = await done;
  latencies.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    total: latencies.length,
    accepted: statuses.get(202) ?? 0,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    errors: result.errors + result.timeouts + result.non2xx,
  };
}

/**
 * A steady stream of `rate` requests per second, evenly spaced and sent whether or not earlier ones have been
 * answered (an open loop, as supporters arrive). Latency counts from when a request was due, not from when it
 * went out, so a server that falls behind is charged for the wait (no coordinated omission). autocannon's own
 * fixed rate is not used for this: each of its connections sends its whole second's quota at once at the top of
 * every second, which measures a burst of 200 requests, not 200 requests a second.
 */
async function steady(url: string, options: { rate: number; seconds: number }) {
  await proofs.fill(url, options.rate * options.seconds);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const target = new URL(`${url}/api/v1/actions`);
  const latencies: number[] = [];
  let errors = 0;
  const send = (due: number) =>
    new Promise<void>((resolve) => {
      const payload = body();
      const request = http.request(
        {
          agent,
          hostname: target.hostname,
          port: target.port,
          path: target.pathname,
          method: "POST",
          headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), "x-forwarded-for": forwardedFor() },
        },
        (response) => {
          let answer = "";
          response.setEncoding("utf8");
          response.on("data", (chunk: string) => (answer += chunk));
          response.on("end", () => {
            latencies.push(performance.now() - due);
            if (response.statusCode !== 202) {
              errors += 1;
              if (process.env.BENCH_VERBOSE) console.error(`  ${response.statusCode}: ${answer.slice(0, 300)}`);
            }
            resolve();
          });
        },
      );
      request.on("error", (error) => {
        errors += 1;
        if (process.env.BENCH_VERBOSE) console.error(`  request failed: ${error.message}`);
        resolve();
      });
      request.end(payload);
    });
  const total = options.rate * options.seconds;
  const interval = 1000 / options.rate;
  const start = performance.now() + 10;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    pending.push(send(due));
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { rps: latencies.length / elapsed, p50: percentile(latencies, 50), p95: percentile(latencies, 95), p99: percentile(latencies, 99), errors };
}

async function postgresUrl(): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const base = process.env.DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres";
  const name = `ul_bench_${process.pid}`;
  try {
    const admin = new Client({ connectionString: base });
    await admin.connect();
    await admin.query(`drop database if exists ${name} with (force)`);
    await admin.query(`create database ${name}`);
    await admin.end();
  } catch {
    return undefined;
  }
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const admin = new Client({ connectionString: base });
      await admin.connect();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function benchOne(label: string, env: Record<string, string>) {
  const server = await startServer({ BOT_CHECK_DIFFICULTY: TEST_BOT_CHECK_DIFFICULTY, ...env });
  try {
    // Warm-up at full load, long enough for the JIT to settle: what is measured is the steady state.
    await load(server.url, { connections: 32, seconds: 10 });
    // How fast this machine is right now (it drifts from run to run): the cheapest route of the same server.
    const health = await autocannon({ url: `${server.url}/api/health`, connections: 32, duration: 3 });
    const full = [];
    const fixed = [];
    for (let i = 0; i < RUNS; i++) {
      full.push(await load(server.url, { connections: 32, seconds: SECONDS }));
      fixed.push(await steady(server.url, { rate: 200, seconds: SECONDS }));
    }
    const rps = summary(full.map((r) => r.rps));
    console.log(`\n${label}`);
    console.log(`  reference: GET /api/health answers ${fmt(health.requests.average)} requests/s (32 connections, 3 s)`);
    console.log(`  full load (32 connections, ${SECONDS} s × ${RUNS}): requests/s median ${fmt(rps.median)} (min ${fmt(rps.min)}, max ${fmt(rps.max)}); p50 ${fmt(summary(full.map((r) => r.p50)).median)} ms, p95 ${fmt(summary(full.map((r) => r.p95)).median)} ms, p99 ${fmt(summary(full.map((r) => r.p99)).median)} ms; non-202 ${full.reduce((n, r) => n + r.errors, 0)}`);
    const p95 = summary(fixed.map((r) => r.p95));
    console.log(`  at a steady 200 requests/s (${SECONDS} s × ${RUNS}, open loop): answered ${fmt(summary(fixed.map((r) => r.rps)).median)}/s; latency p50 ${fmt(summary(fixed.map((r) => r.p50)).median)} ms, p95 median ${fmt(p95.median)} ms (min ${fmt(p95.min)}, max ${fmt(p95.max)}), p99 ${fmt(summary(fixed.map((r) => r.p99)).median)} ms; non-202 ${fixed.reduce((n, r) => n + r.errors, 0)}`);
    if (proofs.dry) console.log(`  (${proofs.dry} requests went without a bot check, the pool ran dry: they are among the non-202)`);
  } finally {
    await server.stop();
  }
}

async function main() {
  console.log(`bench:submit: POST /api/v1/actions, ${os.cpus().length} cores, Node ${process.version}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ul-bench-"));
  try {
    await benchOne("PGlite (embedded, one process)", { DATA_DIR: dataDir, DATABASE_URL: "", WORKER_IN_PROCESS: "false" });
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  const pg = await postgresUrl();
  if (!pg) {
    console.log("\nPostgres: not reachable (set DATABASE_URL), skipped");
    return;
  }
  try {
    await benchOne("Postgres (one Next.js process)", { DATABASE_URL: pg.url, WORKER_IN_PROCESS: "false" });
  } finally {
    await pg.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
