/**
 * `npm run bench:scale`: the scale-out shape (test/cluster.ts): two `next start` instances and two `npm run worker`
 * processes on one Postgres, behind nginx, sending to a local SMTP server. Prints, in the same run:
 *
 * - submissions (POST /api/v1/actions, each a new supporter from a new address) at full load (autocannon, 32
 *   connections) through nginx to both instances, and straight to one instance: requests/s and p95, median and
 *   spread over several alternating runs, and the ratio of the medians (the figure: what the second instance adds);
 * - letters/s: one-page letters with their PDF queued at once, sent by the two workers.
 *
 * Needs the built app (`npm run build`), Postgres (DATABASE_URL, or the local server) and nginx (`apt-get install
 * nginx-light`). Ports: BENCH_PORT (default 3520) and the next three.
 */
import { randomUUID } from "node:crypto";
import os from "node:os";
import autocannon from "autocannon";
import { count, eq, and, sql } from "drizzle-orm";
import { sampleLetterDocument } from "../components/pdf/sample-letter";
import { openDatabase } from "../lib/db/open";
import { letters, outbox } from "../lib/db/schema";
import { NO_CAPS, seedCampaign, seedLetters, seedRecipient } from "../test/delivery/seed";
import { startTestSmtp } from "../test/delivery/smtp";
import { nginxPath, startCluster } from "../test/cluster";
import { fmt, percentile, summary } from "./stats";
import { createScratchDatabase } from "../test/scratch-postgres";
import { BotCheckPool, TEST_BOT_CHECK_DIFFICULTY } from "../test/bot-check";

const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 8);
const LETTERS_PER_RUN = Number(process.env.BENCH_LETTERS ?? 200);
const PORT = Number(process.env.BENCH_PORT ?? 3520);

/** Requests a second this bench stocks bot checks for (well above what it has measured). */
const PROOFS_PER_SECOND = 1200;
const proofs = new BotCheckPool();

let counter = 0;
function body() {
  counter += 1;
  return JSON.stringify({
    campaign: "dnc-sekerbayeva-charges",
    supporter: { name: "Bench Supporter", email: `scale.${process.pid}.${counter}.${randomUUID().slice(0, 8)}@example.org`, city: "Toronto", country: "CA" },
    recipients: ["kz-president", "ca-minister-foreign-affairs", "ca-parl-sec-foreign-affairs"],
    personalNote: "I write as a constituent who cares about human rights defenders.",
    delivery: "email",
    // Solved before the run started (BotCheckPool): the bench measures the servers' check, not the solve.
    botCheck: proofs.take(),
  });
}
/** Each request is a new supporter's address, written as the first proxy would (the instances trust two). */
const forwardedFor = () => `10.${(counter >> 16) & 255}.${(counter >> 8) & 255}.${counter & 255}`;

async function load(url: string, seconds: number) {
  await proofs.fill(url, seconds * PROOFS_PER_SECOND);
  const latencies: number[] = [];
  let other = 0;
  const statuses = new Map<number, number>();
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(
      {
        url: `${url}/api/v1/actions`,
        connections: 32,
        duration: seconds,
        requests: [
          {
            method: "POST",
            headers: { "content-type": "application/json" },
            setupRequest: (request) => ({ ...request, body: body(), headers: { ...request.headers, "x-forwarded-for": forwardedFor() } }),
          },
        ],
      },
      (error, r) => (error ? reject(error) : resolve(r)),
    );
    instance.on("response", (_client, status, _bytes, time) => {
      latencies.push(time);
      if (status !== 202) {
        other += 1;
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
      }
    });
  });
  latencies.sort((a, b) => a - b);
  if (result.errors + result.timeouts > 0) statuses.set(0, result.errors + result.timeouts);
  return { rps: result.requests.average, p95: percentile(latencies, 95), other: other + result.errors + result.timeouts, statuses };
}

/** A scratch database on the local Postgres (or DATABASE_URL's server), dropped at the end. */
function scratchDatabase() {
  return createScratchDatabase(process.env.DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres", "ul_bench_scale");
}

async function main() {
  if (!nginxPath()) throw new Error("bench:scale needs nginx (apt-get install -y nginx-light)");
  console.log(`bench:scale: 2 instances + 2 workers on one Postgres behind nginx, ${os.cpus().length} cores, Node ${process.version}`);
  const scratch = await scratchDatabase();
  const smtp = await startTestSmtp();
  // The SMTP server only counts here: keeping thousands of messages would cost the bench process memory.
  const cluster = await startCluster({
    databaseUrl: scratch.url,
    smtpUrl: smtp.url,
    ports: { proxy: PORT, instances: [PORT + 1, PORT + 2] },
    workers: 2,
    env: { RATE_LIMIT_IP_PER_HOUR: "1000000", RATE_LIMIT_EMAIL_PER_HOUR: "1000000", PDF_THREADS: "1", BOT_CHECK_DIFFICULTY: TEST_BOT_CHECK_DIFFICULTY },
  });
  const database = await openDatabase({ databaseUrl: scratch.url, migrate: false });
  const forget = setInterval(() => smtp.reset(), 1000);
  try {
    const proxy = cluster.proxyUrl!;
    const direct = cluster.instances[0]!.url;
    // Warm-up of both instances (JIT, prepared statements, caches).
    await load(proxy, 8);
    const health = await autocannon({ url: `${direct}/api/health`, connections: 32, duration: 3 });
    type TRun = Awaited<ReturnType<typeof load>>;
    const viaProxy: TRun[] = [];
    const viaOne: TRun[] = [];
    for (let i = 0; i < RUNS; i++) {
      viaProxy.push(await load(proxy, SECONDS));
      viaOne.push(await load(direct, SECONDS));
    }
    if (proofs.dry) console.log(`  (${proofs.dry} requests went without a bot check, the pool ran dry: they are among the non-202)`);
    const line = (label: string, runs: TRun[]) => {
      const rps = summary(runs.map((r) => r.rps));
      const p95 = summary(runs.map((r) => r.p95));
      const statuses = new Map<number, number>();
      for (const run of runs) for (const [status, n] of run.statuses) statuses.set(status, (statuses.get(status) ?? 0) + n);
      const breakdown = [...statuses].map(([status, n]) => `${status === 0 ? "errors/time-outs" : status}: ${n}`).join(", ");
      console.log(
        `  ${label}: requests/s median ${fmt(rps.median)} (min ${fmt(rps.min)}, max ${fmt(rps.max)}); ` +
          `p95 median ${fmt(p95.median)} ms (min ${fmt(p95.min)}, max ${fmt(p95.max)}); non-202 ${runs.reduce((n, r) => n + r.other, 0)}${breakdown ? ` (${breakdown})` : ""}`,
      );
      return rps.median;
    };
    console.log(`\nSubmissions, full load (32 connections, ${SECONDS} s × ${RUNS}, alternating); GET /api/health on one instance: ${fmt(health.requests.average)} requests/s`);
    const two = line("nginx → 2 instances", viaProxy);
    const one = line("1 instance directly ", viaOne);
    const ratios = summary(viaProxy.map((r, i) => r.rps / viaOne[i]!.rps));
    console.log(`  ratio (2 behind nginx / 1 direct): ${fmt(two / one, 2)} (per run: median ${fmt(ratios.median, 2)}, min ${fmt(ratios.min, 2)}, max ${fmt(ratios.max, 2)})`);

    // Delivery: the confirmations the load queued are not what is measured; letters queued at once are.
    await database.db.delete(outbox);
    const slug = await seedCampaign(database.db, { slug: "bench-scale", settings: NO_CAPS });
    const officials = [];
    for (let i = 0; i < 5; i++) officials.push(await seedRecipient(database.db));
    const sample = sampleLetterDocument().letters[0]!;
    const page = (i: number, signature: string) => ({ ...sample, sender: [signature, `City${i}`, "Ireland"] });
    const rates: number[] = [];
    for (let run = 0; run <= RUNS; run++) {
      await database.db.delete(letters).where(eq(letters.campaignSlug, slug));
      const started = performance.now();
      for (const official of officials) {
        await seedLetters(database.db, { campaignSlug: slug, recipientId: official, count: LETTERS_PER_RUN / officials.length, queuedAt: new Date(Date.now() - 1000), page });
      }
      for (;;) {
        const [row] = await database.db.select({ n: count() }).from(letters).where(and(eq(letters.campaignSlug, slug), eq(letters.status, "sent")));
        if (row!.n >= LETTERS_PER_RUN) break;
        if (performance.now() - started > 300_000) throw new Error(`only ${row!.n} of ${LETTERS_PER_RUN} letters sent in 5 minutes`);
        await new Promise((r) => setTimeout(r, 100));
      }
      // The first run is a warm-up (the workers' first PDFs are slow).
      if (run > 0) rates.push(LETTERS_PER_RUN / ((performance.now() - started) / 1000));
    }
    const [dupes] = await database.db.execute(sql`select count(*)::int as n from (select message_id from letters where message_id is not null group by message_id having count(*) > 1) d`).then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    const sent = summary(rates);
    console.log(`\nDelivery, 2 workers (PDF_THREADS=1 each), ${LETTERS_PER_RUN} one-page letters with their PDF a run × ${RUNS} after a warm-up run:`);
    console.log(`  letters/s median ${fmt(sent.median)} (min ${fmt(sent.min)}, max ${fmt(sent.max)}); Message-IDs recorded twice: ${dupes!.n}`);
  } finally {
    clearInterval(forget);
    await database.close();
    await cluster.stop();
    await smtp.stop();
    await scratch.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
