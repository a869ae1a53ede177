import { describe, expect, it } from "vitest";
import type { TDb } from "@/lib/db/open";
import type { TMailTransport } from "@/lib/mail/transport";
import type { TSendCounts } from "./send-due-letters";
import { startWorker, type TStartWorkerOptions } from "./worker";

const none: TSendCounts = { sent: 0, retried: 0, failed: 0, deferred: 0, digested: 0 };
const base = {
  db: {} as TDb,
  transport: { kind: "capture", send: async () => ({ messageId: "", response: "" }), close() {} } as TMailTransport,
  mailFrom: "letters@example.org",
  organisationName: "Urgent Letters",
};

function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const check = () => {
      if (condition()) resolve();
      else if (Date.now() - started > timeoutMs) reject(new Error("condition not reached"));
      else setTimeout(check, 2);
    };
    check();
  });
}

// These tests are about the loop around the pass; the outbox has tests of its own (lib/mail/outbox.integration.test.ts).
function worker(pass: TStartWorkerOptions["pass"], extra: Partial<TStartWorkerOptions> = {}) {
  return startWorker({ ...base, intervalMs: 1, pass, log: () => {}, outbox: false, webhooks: false, retention: false, relayPause: false, ...extra });
}

describe("the worker loop", () => {
  it("never runs two passes at once", async () => {
    let running = 0;
    let most = 0;
    let passes = 0;
    const w = worker(async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((r) => setTimeout(r, 5));
      running--;
      passes++;
      return { ...none, sent: 1 };
    });
    await until(() => passes >= 8);
    await w.stop();
    expect(most).toBe(1);
  });

  it("logs a failing pass and keeps going", async () => {
    const logged: string[] = [];
    let calls = 0;
    const w = worker(
      async () => {
        calls++;
        if (calls === 2) throw new Error("database went away");
        return none;
      },
      { log: (m) => logged.push(m) },
    );
    await until(() => calls >= 4);
    await w.stop();
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatch(/pass failed: .*database went away/s);
  });

  it("waits for the pass in progress when stopped", async () => {
    let release: () => void = () => {};
    let finished = false;
    let started = false;
    const w = worker(async () => {
      started = true;
      await new Promise<void>((r) => (release = r));
      finished = true;
      return none;
    });
    await until(() => started);
    let stopped = false;
    const stopping = w.stop().then(() => (stopped = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(finished).toBe(true);
  });

  it("goes straight on after a full batch, sleeps after a quiet pass, and stop cuts the sleep short", async () => {
    const results: TSendCounts[] = [
      { ...none, sent: 10 },
      { ...none, sent: 4, digested: 6 },
      { ...none, deferred: 10 }, // a full batch put back (relay down): must not spin
      { ...none, sent: 10 },
    ];
    let calls = 0;
    const seen: TSendCounts[] = [];
    const w = worker(async () => results[calls++] ?? none, { intervalMs: 600_000, batchSize: 10, onPass: (c) => seen.push(c) });
    await until(() => calls >= 3);
    await new Promise((r) => setTimeout(r, 30));
    expect(calls).toBe(3);
    // The interval is ten minutes: stop must cut the sleep short rather than wait it out.
    const outcome = await Promise.race([w.stop().then(() => "stopped"), new Promise((r) => setTimeout(() => r("still asleep"), 5000))]);
    expect(outcome).toBe("stopped");
    expect(seen).toEqual(results.slice(0, 3));
  });
});
