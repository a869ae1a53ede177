/**
 * `npm run bench:deliveries`: the Deliveries page's query (lib/deliveries/list-letters.ts, the very function the page
 * calls: one page of 50 letters and the total) on 100,000 letters, with a filter and a text search on the official,
 * on the embedded PGlite and on Postgres (a scratch database on DATABASE_URL's server or the local one, dropped at
 * the end). Prints median, p95 and spread over RUNS runs after a warm-up. Target: p95 ≤ 100 ms on Postgres.
 *
 * The letters are spread over 4 campaigns, 40 officials, 9 statuses and 90 days, inserted by generate_series in a
 * few statements (a realistic database, not 100,000 round trips).
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import { sql } from "drizzle-orm";
import { openDatabase, type TDatabase } from "../lib/db/open";
import { listLetters } from "../lib/deliveries/list-letters";
import type { TDeliveryFilters } from "../lib/schemas/deliveries";
import { createScratchDatabase } from "../test/scratch-postgres";
import { seedCampaign, seedRecipient, testPage } from "../test/delivery/seed";
import { fmt, summary } from "./stats";

const LETTERS = 100_000;
const LETTERS_PER_ACTION = 4;
const OFFICIALS = 40;
const CAMPAIGNS = 4;
const RUNS = 40;
const WARMUP = 5;

/** What the benchmark asks, as a campaigner would: the failed letters to one official found by a word of its name. */
const QUERIES: { label: string; filters: TDeliveryFilters; page?: number }[] = [
  { label: "status=failed + search “official 17”", filters: { status: "failed", q: "official 17" } },
  { label: "campaign + status=sent + search “embassy” (every official)", filters: { campaign: "bench-campaign-1", status: "sent", q: "embassy" } },
  { label: "no filter, page 200 (deep paging)", filters: {}, page: 200 },
];

export async function seed(database: TDatabase): Promise<void> {
  const db = database.db;
  for (let c = 0; c < CAMPAIGNS; c++) await seedCampaign(db, { slug: `bench-campaign-${c}` });
  for (let r = 0; r < OFFICIALS; r++) await seedRecipient(db, { id: `bench-official-${r}`, name: `Official ${r} of the Embassy` });
  const page = JSON.stringify(testPage({ recipientId: "bench-official-0", subject: "Release Zhanar Sekerbayeva", text: "A letter for the benchmark.", signature: "A Supporter" }));
  const actions = LETTERS / LETTERS_PER_ACTION;
  await db.execute(sql`
    insert into actions (id, campaign_slug, status, supporter_name, supporter_email, city, country, delivery, confirmed_at, created_at)
    select md5('a' || i)::uuid, 'bench-campaign-' || (i % ${CAMPAIGNS}), 'confirmed', 'Supporter ' || i, 'supporter' || i || '@example.org',
           'City', 'IE', 'email', now() - (i % 90) * interval '1 day', now() - (i % 90) * interval '1 day'
    from generate_series(0, ${actions - 1}) as i`);
  // Statuses roughly as a live system holds them: mostly sent, a few failed, queued, held, bounced and cancelled.
  await db.execute(sql`
    insert into letters (id, action_id, campaign_slug, audience_id, recipient_id, language, channel, status, subject, body, page,
                         attempts, last_error, sent_at, created_at)
    select md5('l' || i)::uuid, md5('a' || (i / ${LETTERS_PER_ACTION}))::uuid, 'bench-campaign-' || ((i / ${LETTERS_PER_ACTION}) % ${CAMPAIGNS}),
           'officials', 'bench-official-' || (abs(hashtext('r' || i)) % ${OFFICIALS}), (array['en','fr','ru','kk'])[1 + i % 4],
           (array['email','email','email','post','mailto'])[1 + i % 5],
           s.status, 'Release Zhanar Sekerbayeva', 'Your Excellency, a letter for the benchmark.', ${page}::jsonb,
           case when s.status in ('sent', 'failed', 'bounced') then 1 else 0 end,
           case when s.status = 'failed' then '550 5.1.1 No such mailbox' end,
           case when s.status = 'sent' then now() - ((i / ${LETTERS_PER_ACTION}) % 90) * interval '1 day' end,
           now() - ((i / ${LETTERS_PER_ACTION}) % 90) * interval '1 day' + (i % ${LETTERS_PER_ACTION}) * interval '1 second'
    from generate_series(0, ${LETTERS - 1}) as i,
         lateral (select (array['sent','sent','sent','sent','sent','sent','sent','sent','sent','sent','sent','sent',
                                'failed','queued','held','bounced','cancelled','posted','awaiting-confirmation','sending'])[1 + abs(hashtext('s' || i)) % 20] as status) s`);
  await db.execute(sql`analyze`);
}


async function measure(name: string, database: TDatabase): Promise<void> {
  const started = performance.now();
  await seed(database);
  console.log(`\n${name}: ${LETTERS} letters seeded in ${fmt((performance.now() - started) / 1000)} s`);
  for (const q of QUERIES) {
    let result = await listLetters(database.db, q.filters, { page: q.page });
    for (let i = 1; i < WARMUP; i++) await listLetters(database.db, q.filters, { page: q.page });
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      result = await listLetters(database.db, q.filters, { page: q.page });
      times.push(performance.now() - t);
    }
    const s = summary(times);
    console.log(`  ${q.label}: ${result.total} matching, ${result.rows.length} on the page`);
    console.log(`    median ${fmt(s.median)} ms   p95 ${fmt(s.p95)} ms   min ${fmt(s.min)} ms   max ${fmt(s.max)} ms   spread (p95 − min) ${fmt(s.p95 - s.min)} ms   (${RUNS} runs)`);
  }
}

async function main(): Promise<void> {
  console.log(`bench:deliveries: listLetters on ${LETTERS} letters, ${os.cpus().length} cores, Node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
  const pglite = await openDatabase({});
  try {
    await measure("PGlite (in memory)", pglite);
  } finally {
    await pglite.close();
  }
  const scratch = await createScratchDatabase(process.env.DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres", "ul_bench_deliveries");
  const postgres = await openDatabase({ databaseUrl: scratch.url });
  try {
    await measure("Postgres", postgres);
  } finally {
    await postgres.close();
    await scratch.drop();
  }
  console.log(`\ntarget: p95 ≤ 100 ms on Postgres for the first query. Load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(" ")}`);
}

if (!process.env.BENCH_SEED_ONLY) await main();
else {
  const only = await openDatabase({ databaseUrl: process.env.BENCH_SEED_ONLY });
  await seed(only);
  await only.close();
}
