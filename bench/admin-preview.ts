/**
 * `npm run bench:admin-preview`: the time from an edit in the letter template editor to its refreshed PDF preview,
 * server time included, for a 2-page letter.
 *
 * Starts the built app as `npm start` does (its own data folder, mail captured), signs a campaigner in with the
 * magic link from the captured mail, then, as the editor does after each edit, POSTs the edited template with the
 * sample supporter to /api/admin/templates/<campaign>/<audience>/<language>/preview (Accept: application/pdf) and
 * waits for the whole PDF. Each run changes the body (a new word), so nothing is answered from a cache of the
 * previous text. The editor sends an edit at once when no preview is in flight (use-pdf-preview.ts: no debounce
 * delay), so this round trip is what the campaigner waits for; drawing the PDF in the browser's viewer is not in it.
 *
 * BENCH_URL=<url> BENCH_EMAIL=<owner email> measures a server already running instead (it must capture mail and
 * answer /dev/mail to this machine). BENCH_RUNS (default 40) after BENCH_WARMUP (default 8).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { extractText, getDocumentProxy } from "unpdf";
import { startServer, type TBenchServer } from "./server";
import { fmt, summary } from "./stats";

const RUNS = Number(process.env.BENCH_RUNS ?? 40);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 8);
const SLUG = "dnc-sekerbayeva-charges";
const AUDIENCE = "kazakhstan-authorities";
const LANGUAGE = "en";

const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");

async function capturedLink(base: string, email: string): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const list = await (await fetch(`${base}/dev/mail`)).text();
    // The newest message first; its row names the address.
    const row = list.split("<tr").find((r) => r.includes(email) && /sign-in/i.test(r));
    const id = row && /href="\/dev\/mail\/([^"]+)"/.exec(row)?.[1];
    if (id) {
      const message = await (await fetch(`${base}/dev/mail/${id}`)).text();
      const link = /https?:\/\/[^\s"<]+\/api\/auth\/magic-link\/verify\?[^\s"<]+/.exec(message)?.[0];
      if (link) return link.replace(/&amp;/g, "&");
    }
    if (Date.now() > deadline) throw new Error(`no sign-in link for ${email} in the captured mail`);
    await new Promise((r) => setTimeout(r, 300));
  }
}

async function signIn(base: string, email: string): Promise<string> {
  const asked = await fetch(`${base}/api/auth/sign-in/magic-link`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: base },
    body: JSON.stringify({ email, callbackURL: "/admin" }),
  });
  if (!asked.ok) throw new Error(`sign-in link refused: ${asked.status} ${await asked.text()}`);
  const link = new URL(await capturedLink(base, email));
  const verified = await fetch(`${base}${link.pathname}${link.search}`, { redirect: "manual" });
  const cookies = verified.headers.getSetCookie().map((c) => c.split(";")[0]!);
  if (!cookies.length) throw new Error(`the sign-in link set no cookie (${verified.status})`);
  return cookies.join("; ");
}

async function main() {
  let server: TBenchServer | undefined;
  let base = process.env.BENCH_URL;
  let email = process.env.BENCH_EMAIL ?? "bench-owner@example.org";
  const dataDir = path.join(os.tmpdir(), `ul-bench-admin-preview-${process.pid}`);
  if (!base) {
    console.log("Starting the built app (a build first if the sources changed)…");
    server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: "", ADMIN_EMAIL: email, RATE_LIMIT_IP_PER_HOUR: "100000", TRUSTED_PROXIES: "0" });
    base = server.url;
  } else email = process.env.BENCH_EMAIL ?? email;
  try {
    const cookie = await signIn(base, email);
    const api = `${base}/api/admin/templates/${SLUG}/${AUDIENCE}/${LANGUAGE}`;
    const opened = await fetch(api, { headers: { cookie } });
    if (!opened.ok) throw new Error(`the editor's data: ${opened.status} ${await opened.text()}`);
    const data = (await opened.json()) as { published: { doc: { subjects: string[]; body: string } }; campaign: { audiences: { id: string; recipients: { id: string }[] }[] } };
    const recipientId = data.campaign.audiences.find((a) => a.id === AUDIENCE)!.recipients[0]!.id;
    // The published letter and a long personal note: two pages, as a letter with a supporter's own paragraph runs.
    const note = Array.from({ length: 9 }, (_, i) => `Paragraph ${i + 1} of my own words: I have followed this case for many months and I ask you to act now.`).join(" ").repeat(2).slice(0, 1990);
    const sample = { name: "Camille Roy", signAs: "full", city: "Montréal", country: "CA", personalNote: note, recipientId };
    const preview = async (i: number, accept = "application/pdf") => {
      const doc = { subjects: data.published.doc.subjects, body: `${data.published.doc.body}\n\nEdit number ${i}.` };
      const started = performance.now();
      const response = await fetch(`${api}/preview`, {
        method: "POST",
        headers: { cookie, "content-type": "application/json", accept, origin: base! },
        body: JSON.stringify({ doc, sample }),
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      const ms = performance.now() - started;
      if (response.status !== 200) throw new Error(`preview ${response.status}: ${new TextDecoder().decode(bytes)}`);
      return { ms, bytes };
    };

    const first = await preview(-1);
    const size = first.bytes.length;
    // unpdf takes the buffer over, so the size is read first.
    const pdf = await getDocumentProxy(first.bytes);
    const { text } = await extractText(pdf, { mergePages: false });
    const pages = (text as string[]).length;
    if (pages !== 2) throw new Error(`the bench letter has ${pages} pages, not 2: adjust the note`);
    if (!(text as string[]).join(" ").includes("Edit number -1")) throw new Error("the PDF does not show the edit");

    for (let i = 0; i < WARMUP; i++) await preview(i);
    const loadBefore = load();
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) times.push((await preview(1000 + i)).ms);
    const loadAfter = load();
    // The same request answered as JSON (subject and text): what the server spends before the PDF layout.
    const textTimes: number[] = [];
    for (let i = 0; i < RUNS; i++) textTimes.push((await preview(2000 + i, "application/json")).ms);
    const s = summary(times);
    const t = summary(textTimes);
    console.log(`\nEdit → refreshed PDF preview (${pages}-page letter, ${Math.round(size / 1024)} KB), over HTTP with a signed-in cookie, ${RUNS} runs after ${WARMUP} warm-up:`);
    console.log(`  median ${fmt(s.median)} ms   p95 ${fmt(s.p95)} ms   min ${fmt(s.min)} ms   max ${fmt(s.max)} ms   spread (p95 − min) ${fmt(s.p95 - s.min)} ms`);
    console.log(`  for comparison, the same edit answered as text (no PDF layout): median ${fmt(t.median)} ms, p95 ${fmt(t.p95)} ms`);
    console.log(`  target: median ≤ 150 ms → ${s.median <= 150 ? "met" : "NOT met"}`);
    console.log(`  load average (1, 5, 15 min): before ${loadBefore}, after ${loadAfter}; ${os.availableParallelism()} cores`);
  } finally {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
