/**
 * Lighthouse (12.2.3, mobile, simulated throttling) on the home page and both case pages of the built app, three runs
 * each: prints the median of each category score and of total blocking time and largest contentful paint. Start it
 * with `npm run bench:lighthouse`; Chromium is Debian's (CHROME_PATH, default /usr/bin/chromium).
 *
 * Scores move with the machine's load (Lighthouse simulates a phone from what it measures here), so this prints
 * figures and never fails on them; the page-weight test guards the bytes.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startServer } from "./server";
import { fmt, summary } from "./stats";

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const PAGES = ["/", "/c/fld-sekerbayeva-2025", "/c/dnc-sekerbayeva-charges"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu";

type TReport = {
  categories: Record<(typeof CATEGORIES)[number], { score: number | null }>;
  audits: Record<string, { numericValue?: number }>;
};

function run(command: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ["ignore", "ignore", "pipe"] });
    let errors = "";
    child.stderr.on("data", (d: Buffer) => (errors += d.toString()));
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`lighthouse exited with ${code}:\n${errors.slice(-2000)}`))));
  });
}

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), "ul-lighthouse-"));
  const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: "" });
  const bin = path.join(process.cwd(), "node_modules/.bin/lighthouse");
  try {
    console.log(`Lighthouse 12.2.3, mobile (simulated throttling), median of ${RUNS} runs, ${server.url}`);
    console.log("page                               perf  a11y  best   seo    TBT ms   LCP ms");
    for (const page of PAGES) {
      const reports: TReport[] = [];
      for (let i = 0; i < RUNS; i++) {
        const out = path.join(dataDir, `report-${reports.length}.json`);
        await run(bin, [`${server.url}${page}?lang=en`, "--output=json", `--output-path=${out}`, "--quiet", `--chrome-flags=${CHROME_FLAGS}`], {
          CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium",
        });
        reports.push(JSON.parse(await readFile(out, "utf8")) as TReport);
      }
      const score = (c: (typeof CATEGORIES)[number]) => summary(reports.map((r) => Math.round((r.categories[c].score ?? 0) * 100))).median;
      const audit = (id: string) => summary(reports.map((r) => r.audits[id]?.numericValue ?? NaN)).median;
      console.log(
        `${page.padEnd(34)} ${CATEGORIES.map((c) => String(score(c)).padStart(4)).join("  ")}  ${fmt(audit("total-blocking-time"), 0).padStart(7)}  ${fmt(audit("largest-contentful-paint"), 0).padStart(7)}`,
      );
    }
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
