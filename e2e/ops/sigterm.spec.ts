/**
 * SIGTERM under load stops the server within 10 s with exit code 0, as Docker, systemd or Kubernetes expect before
 * they SIGKILL; nothing answered 202 is lost, and no request answers 500 on the way down (those cut off answer 503
 * or see their connection closed). On the embedded database, which must be closed cleanly, and on Postgres.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { inArray } from "drizzle-orm";
import { openDatabase } from "@/lib/db/open";
import { actions } from "@/lib/db/schema";
import { opsPort, startApp, submission } from "@/test/app-process";
import { createScratchDatabase } from "@/test/scratch-postgres";

const CONNECTIONS = 24;
const LOAD_BEFORE_SIGNAL_MS = 3000;
const STOP_BOUND_MS = 10_000;

type TVariant = { name: string; port: number; setup(): Promise<{ env: Record<string, string>; open(): ReturnType<typeof openDatabase>; done(): Promise<void> }> };

const variants: TVariant[] = [
  {
    name: "the embedded database",
    port: opsPort(1),
    async setup() {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ul-sigterm-"));
      return {
        env: { DATA_DIR: dataDir, DATABASE_URL: "", RATE_LIMIT_IP_PER_HOUR: "100000" },
        open: () => openDatabase({ dataDir, migrate: false }),
        done: async () => fs.rmSync(dataDir, { recursive: true, force: true }),
      };
    },
  },
];
const base = process.env.DATABASE_URL?.trim();
if (base) {
  variants.push({
    name: "Postgres",
    port: opsPort(2),
    async setup() {
      const scratch = await createScratchDatabase(base);
      return { env: { DATABASE_URL: scratch.url, RATE_LIMIT_IP_PER_HOUR: "100000" }, open: () => openDatabase({ databaseUrl: scratch.url, migrate: false }), done: scratch.drop };
    },
  });
}

for (const variant of variants) {
  test(`[OPS] SIGTERM under load stops the server on ${variant.name} within 10 s, cleanly, losing nothing`, async () => {
    test.setTimeout(180_000);
    const setup = await variant.setup();
    const app = await startApp(variant.port, setup.env);
    const statuses = new Map<number, number>();
    const accepted: string[] = [];
    let stopLoad = false;
    let sent = 0;
    const loop = async () => {
      while (!stopLoad) {
        try {
          // Inside the try: fetching the challenge is refused too once the server is going.
          const { body, forwardedFor } = await submission(app.url, sent++, `sigterm${variant.port}`);
          const response = await fetch(`${app.url}/api/v1/actions`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-forwarded-for": forwardedFor },
            body,
            signal: AbortSignal.timeout(15_000),
          });
          statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
          if (response.status === 202) accepted.push(((await response.json()) as { id: string }).id);
          else await response.arrayBuffer();
        } catch {
          // Connection refused or closed once the server is going: expected on the way down.
          if (app.output().includes("stopping")) await new Promise((r) => setTimeout(r, 50));
        }
      }
    };
    try {
      const load = Array.from({ length: CONNECTIONS }, loop);
      await new Promise((r) => setTimeout(r, LOAD_BEFORE_SIGNAL_MS));
      const signalled = Date.now();
      process.kill(app.pid, "SIGTERM");
      const timeout = new Promise<"timeout">((r) => setTimeout(() => r("timeout"), STOP_BOUND_MS + 5000));
      const result = await Promise.race([app.exited, timeout]);
      stopLoad = true;
      await Promise.all(load);
      expect(result, `the server was still running 15 s after SIGTERM:\n${app.output().slice(-3000)}`).not.toBe("timeout");
      const exit = result as Awaited<typeof app.exited>;
      expect(exit.at - signalled).toBeLessThanOrEqual(STOP_BOUND_MS);
      expect({ code: exit.code, signal: exit.signal }, app.output().slice(-3000)).toEqual({ code: 0, signal: null });
      expect(app.output()).not.toContain("uncaughtException");
      expect(app.output()).not.toContain("not stopped after");
      // It closed its HTTP server first (found among its handles: Next.js does not hand it out).
      expect(app.output()).toMatch(/no longer taking requests \([1-9]\d* listening socket/);
      // It was under load: submissions were being accepted when the signal came, and none answered 500.
      expect(accepted.length).toBeGreaterThan(10);
      expect([...statuses.keys()].filter((s) => s !== 202 && s !== 503)).toEqual([]);
    } finally {
      stopLoad = true;
      await app.stop(1000);
    }
    // Every submission answered 202 is in the database, which opens again (cleanly closed).
    const database = await setup.open();
    try {
      const rows = await database.db.select({ id: actions.id }).from(actions).where(inArray(actions.id, accepted));
      expect(rows).toHaveLength(accepted.length);
    } finally {
      await database.close();
      await setup.done();
    }
  });
}
