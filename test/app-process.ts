/**
 * The app as an operator runs it, for the process-level tests (signals, full disk, several instances): `node
 * scripts/start.mjs` (or `npm run worker`) in its own process group, with its output kept for assertions. The build
 * is the one Playwright's webServer made before any test ran, so nothing is rebuilt here.
 */
import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { TEST_BOT_CHECK_DIFFICULTY, withBotCheck } from "./bot-check";

export type TAppProcess = {
  readonly url: string;
  readonly pid: number;
  /** Everything it printed so far. */
  output(): string;
  /** Resolves with the exit code (or signal) once the process has ended. */
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>;
  /** SIGTERM to the process itself (as an orchestrator does), SIGKILL to the group after `graceMs`. */
  stop(graceMs?: number): Promise<void>;
};

const ROOT = process.cwd();

/** Ports for these tests: just above Playwright's own server, so a machine's agreed range is kept. */
export function opsPort(offset: number): number {
  return Number(process.env.E2E_PORT ?? 3210) + offset;
}

/** Node with `args` (or another `command` with its `args`) in its own process group. */
export function startProcess(args: string[], options: { env: Record<string, string>; url?: string; command?: string; args?: string[] }): TAppProcess {
  const child: ChildProcess = spawn(options.command ?? process.execPath, options.command ? (options.args ?? []) : args, {
    cwd: ROOT,
    // NODE_OPTIONS is the test runner's (--conditions=react-server), not the app's: Next.js sets its own conditions.
    env: { ...process.env, NODE_OPTIONS: "", NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let output = "";
  child.stdout?.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (output += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; at: number }>((resolve) =>
    child.once("exit", (code, signal) => resolve({ code, signal, at: Date.now() })),
  );
  const killGroup = () => {
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  };
  return {
    url: options.url ?? "",
    pid: child.pid!,
    output: () => output,
    exited,
    async stop(graceMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return killGroup();
      child.kill("SIGTERM");
      const timer = setTimeout(killGroup, graceMs);
      await exited;
      clearTimeout(timer);
      // Anything the process left behind (it should leave nothing).
      killGroup();
    },
  };
}

/** `npm start` on `port` with the given settings; resolves once /api/health answers 200. */
export async function startApp(port: number, env: Record<string, string>): Promise<TAppProcess> {
  const url = `http://127.0.0.1:${port}`;
  const app = startProcess([path.join(ROOT, "scripts/start.mjs")], {
    env: { PORT: String(port), PUBLIC_URL: url, BOT_CHECK_DIFFICULTY: TEST_BOT_CHECK_DIFFICULTY, ...env },
    url,
  });
  const deadline = Date.now() + 120_000;
  let ended = false;
  void app.exited.then(() => (ended = true));
  for (;;) {
    if (ended) throw new Error(`the app stopped while starting:\n${app.output()}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) return app;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      await app.stop(1000);
      throw new Error(`the app did not start:\n${app.output()}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A new supporter's submission (its own email and address), to the DNC campaign's email recipients, with the bot
 * check solved against the app at `url`. */
export async function submission(url: string, i: number, tag: string) {
  return {
    body: JSON.stringify(
      await withBotCheck(url, {
        campaign: "dnc-sekerbayeva-charges",
        supporter: { name: "Ops Supporter", email: `ops.${tag}.${i}@example.org`, city: "Toronto", country: "CA" },
        recipients: ["ca-minister-foreign-affairs", "ca-parl-sec-foreign-affairs"],
        personalNote: "I write as a constituent who cares about human rights defenders.",
        delivery: "email",
      }),
    ),
    forwardedFor: `10.77.${(i >> 8) & 255}.${i & 255}`,
  };
}
