/**
 * Lighthouse (12.2.3, mobile, simulated throttling) on the home page and both case pages of the built app, three runs
 * each: prints the median of each category score and of total blocking time and largest contentful paint. Start it
 * with `npm run bench:lighthouse`; Chromium is Debian's (CHROME_PATH, default /usr/bin/chromium).
 *
 * Scores move with the machine's load (Lighthouse simulates a phone from what it measures here), so this prints
 * figures and never fails on them; the page-weight test guards the bytes. Each figure is printed as the median and,
 * after it, the spread (lowest–highest) of the runs, with the load average before and after, so that a figure taken
 * on a busy machine can be recognised as one.
 *
 * Each page is fetched once before its runs (the first answer of a fresh server is slower than any later one), and a
 * run that Lighthouse itself gives up on (NO_NAVSTART, "please run Lighthouse again": it happens now and then with
 * Debian's Chromium) is run again, at most twice; other errors stop the bench.
 */
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { startServer } from "./server";
import { fmt, summary } from "./stats";

const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? 3);
const PAGES = ["/", "/c/fld-sekerbayeva-2025", "/c/dnc-sekerbayeva-charges"];
const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"] as const;
const CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu";
const RETRIES = 2;

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

/** A run Lighthouse asks to be repeated: its trace missed the navigation. */
const isRetryable = (error: unknown) => error instanceof Error && /NO_NAVSTART|NO_FCP|PROTOCOL_TIMEOUT/.test(error.message);

const load = () => loadavg().map((l) => l.toFixed(2)).join(" ");

/** "median (lowest–highest)" of the runs. */
function spread(values: number[], digits: number): string {
  const { median, min, max } = summary(values);
  return `${fmt(median, digits)} (${fmt(min, digits)}–${fmt(max, digits)})`;
}

async function main() {
  const dataDir = await mkdtemp(path.join(tmpdir(), "ul-lighthouse-"));
  const server = await startServer({ DATA_DIR: dataDir, DATABASE_URL: "" });
  const bin = path.join(process.cwd(), "node_modules/.bin/lighthouse");
  try {
    console.log(`Lighthouse 12.2.3, mobile (simulated throttling), median (lowest–highest) of ${RUNS} runs, ${server.url}`);
    console.log(`load average before: ${load()}`);
    console.log(`${"page".padEnd(35)}${["perf", "a11y", "best", "seo"].map((h) => h.padEnd(14)).join("")}${"TBT ms".padEnd(20)}LCP ms`);
    for (const page of PAGES) {
      const url = `${server.url}${page}?lang=en`;
      await (await fetch(url)).text();
      const reports: TReport[] = [];
      let retries = 0;
      while (reports.length < RUNS) {
        const out = path.join(dataDir, `report-${reports.length}.json`);
        try {
          await run(bin, [url, "--output=json", `--output-path=${out}`, "--quiet", `--chrome-flags=${CHROME_FLAGS}`], {
            CHROME_PATH: process.env.CHROME_PATH ?? "/usr/bin/chromium",
          });
        } catch (error) {
          if (!isRetryable(error) || retries++ >= RETRIES) throw error;
          console.log(`(${page}: Lighthouse asked for the run to be repeated; repeating it)`);
          continue;
        }
        reports.push(JSON.parse(await readFile(out, "utf8")) as TReport);
      }
      const score = (c: (typeof CATEGORIES)[number]) => spread(reports.map((r) => Math.round((r.categories[c].score ?? 0) * 100)), 0);
      const audit = (id: string) => spread(reports.map((r) => r.audits[id]?.numericValue ?? NaN), 0);
      console.log(
        `${page.padEnd(34)} ${CATEGORIES.map((c) => score(c).padEnd(14)).join("")}  ${audit("total-blocking-time").padEnd(18)}  ${audit("largest-contentful-paint")}`,
      );
    }
    console.log(`load average after: ${load()}`);
  } finally {
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
