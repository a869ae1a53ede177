/**
 * The embedded database on a full disk. Postgres PANICs when it cannot create its next WAL segment; PGlite's next
 * query after that would spin the main thread forever, deaf to SIGTERM (seen here: 98% CPU, no answer). Now the
 * request that hit it and every later one answer 503 with Retry-After, the process says why and exits by itself, and
 * once there is room again the app starts on the same data with every accepted submission in it.
 *
 * A real full disk needs a small file system: a tmpfs, which only root may mount. CI runs as root (.ci/run); where
 * the mount is refused this file defines no test, as the Postgres variants do without DATABASE_URL.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { opsPort, startApp, submission } from "@/test/app-process";

/** Room left once the app has made its database (~40 MB): less than the 16 MB a new WAL segment needs. */
const LEFT_KB = 12_000;
const TMPFS_MB = 80;

/**
 * Whether this process may mount a tmpfs: tried once (mounted and unmounted at once) when the file is loaded.
 * Playwright loads a spec file in several processes (to list the tests, then in the worker), so nothing may stay
 * mounted from here: the test mounts its own.
 */
function canMountTmpfs(): boolean {
  if (process.getuid?.() !== 0) return false;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ul-disk-probe-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", dir], { stdio: "ignore" });
    execFileSync("umount", [dir], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

if (canMountTmpfs()) {
  let mountPoint = "";
  test.beforeAll(() => {
    mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), "ul-disk-"));
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${TMPFS_MB}m`, "tmpfs", mountPoint], { stdio: "ignore" });
  });
  test.afterAll(() => {
    if (!mountPoint) return;
    execFileSync("umount", ["-l", mountPoint]);
    fs.rmSync(mountPoint, { recursive: true, force: true });
  });

  test("[OPS] a full disk under the embedded database answers 503, stops the process cleanly and loses nothing", async () => {
    test.setTimeout(240_000);
    const dataDir = path.join(mountPoint, "data");
    const filler = path.join(mountPoint, "filler");
    const env = { DATA_DIR: dataDir, DATABASE_URL: "", RATE_LIMIT_IP_PER_HOUR: "100000" };
    const app = await startApp(opsPort(3), env);
    const accepted: string[] = [];
    const others = new Map<number, number>();
    let firstUnavailableAt = 0;
    let retryAfter: string | null = null;
    try {
      const free = Number(execFileSync("df", ["-k", "--output=avail", mountPoint]).toString().trim().split("\n").pop());
      expect(free).toBeGreaterThan(LEFT_KB);
      execFileSync("dd", ["if=/dev/zero", `of=${filler}`, "bs=1K", `count=${free - LEFT_KB}`], { stdio: "ignore" });

      let ended = false;
      void app.exited.then(() => (ended = true));
      for (let i = 0; i < 20_000 && !ended; i++) {
        let response: Response;
        let answer: string;
        try {
          // The challenge needs no disk: it is made and checked in memory.
          const { body, forwardedFor } = await submission(app.url, i, "disk");
          response = await fetch(`${app.url}/api/v1/actions`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
            body,
            signal: AbortSignal.timeout(20_000),
          });
          answer = await response.text();
        } catch {
          // The process has gone (or is going) while answering: what the test waits for.
          break;
        }
        if (response.status === 202) accepted.push((JSON.parse(answer) as { id: string }).id);
        else {
          others.set(response.status, (others.get(response.status) ?? 0) + 1);
          if (response.status === 503 && !firstUnavailableAt) {
            firstUnavailableAt = Date.now();
            retryAfter = response.headers.get("retry-after");
            expect(response.headers.get("content-type")).toBe("application/problem+json");
          }
        }
      }
      const exit = await Promise.race([app.exited, new Promise<"running">((r) => setTimeout(() => r("running"), 15_000))]);
      expect(exit, `still running after the disk filled:\n${app.output().slice(-3000)}`).not.toBe("running");
      const { code, at } = exit as Awaited<typeof app.exited>;
      // The disk filled while it was accepting: first 202s, then 503s with Retry-After, never a 500.
      expect(accepted.length).toBeGreaterThan(10);
      expect(firstUnavailableAt).toBeGreaterThan(0);
      expect(retryAfter).toBe("5");
      expect([...others.keys()].filter((s) => s !== 503)).toEqual([]);
      // It stopped by itself, promptly, saying why, with a failure code for the supervisor.
      expect(at - firstUnavailableAt).toBeLessThanOrEqual(10_000);
      expect(code).toBe(1);
      expect(app.output()).toContain("the embedded database stopped");
      expect(app.output()).not.toContain("uncaughtException");
    } finally {
      await app.stop(1000);
    }

    // Room again: the app starts on the same data, and every submission it accepted is there.
    fs.rmSync(filler, { force: true });
    const again = await startApp(opsPort(3), env);
    try {
      const missing: string[] = [];
      for (const id of accepted) {
        const response = await fetch(`${again.url}/api/v1/actions/${id}`);
        if (response.status !== 200) missing.push(`${id}: ${response.status}`);
        await response.arrayBuffer();
      }
      expect(missing).toEqual([]);
    } finally {
      await again.stop();
    }
  });
}
