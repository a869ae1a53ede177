/**
 * `npm run fuzz -- --runs 100000 [--seed N] [--port N] [--minutes N]`: the public API's fuzz properties (test/fuzz/public-api.ts), long,
 * against the built app started here on a fresh embedded database with mail captured. Prints what it sent, the
 * answers by status, and the captured-mail check.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { TEST_BOT_CHECK_DIFFICULTY } from "../test/bot-check";
import { checkCapturedMail, fuzzPublicApi } from "../test/fuzz/public-api";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg("runs", 2000);
const seed = arg("seed", Date.now() % 2 ** 31);
const port = arg("port", 3299);
// A long run may be given a time limit: it then stops there and reports the runs it did.
const minutes = arg("minutes", 0);
const base = `http://127.0.0.1:${port}`;
const dataDir = path.join(process.cwd(), ".data-fuzz");
fs.rmSync(dataDir, { recursive: true, force: true });

const server = spawn(process.execPath, ["scripts/start.mjs"], {
  env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, DATABASE_URL: "", SMTP_URL: "", PUBLIC_URL: base, RATE_LIMIT_IP_PER_HOUR: "1000000", BOT_CHECK_DIFFICULTY: TEST_BOT_CHECK_DIFFICULTY },
  stdio: ["ignore", "ignore", "inherit"],
  detached: true,
});
const stop = () => {
  try {
    process.kill(-server.pid!, "SIGTERM");
  } catch {
    /* already gone */
  }
};
process.on("exit", stop);

async function main() {
  for (let i = 0; ; i++) {
    try {
      if ((await fetch(`${base}/api/health`)).ok) break;
    } catch {
      /* not up yet */
    }
    if (i > 240) throw new Error("the server did not start");
    await new Promise((r) => setTimeout(r, 1000));
  }

  const started = performance.now();
  console.log(`fuzz: ${runs} runs, seed ${seed}, against ${base}`);
  try {
    const report = await fuzzPublicApi(base, { runs, seed, timeLimitMs: minutes * 60_000, onProgress: (n) => process.stdout.write(`  ${n} requests\r`) });
    const seconds = (performance.now() - started) / 1000;
    if (report.requests < runs) console.log(`\nfuzz: stopped at the ${minutes}-minute limit after ${report.requests} of ${runs} runs`);
    console.log(`\nfuzz: ${report.requests} requests in ${seconds.toFixed(1)} s (${(report.requests / seconds).toFixed(0)}/s), no property failed`);
    console.log(`fuzz: answers by status: ${JSON.stringify(report.byStatus)}`);
    const mail = await checkCapturedMail(base);
    console.log(`fuzz: ${mail.messages} captured messages checked, ${mail.problems.length} with an added recipient or header`);
    for (const p of mail.problems) console.log(`  ${p}`);
    process.exitCode = mail.problems.length ? 1 : 0;
  } catch (error) {
    console.error(error instanceof Error ? `${error.message}\n${String((error as { cause?: unknown }).cause ?? "")}` : error);
    process.exitCode = 1;
  } finally {
    stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void main();
