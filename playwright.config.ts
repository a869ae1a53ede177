import { defineConfig } from "@playwright/test";
import { TEST_BOT_CHECK_DIFFICULTY, TEST_MIN_FORM_SECONDS } from "./test/bot-check";

/**
 * Browser tests run against the built app, started exactly as `npm start` starts it, on a fresh embedded database.
 * Playwright cannot download browsers here: Debian's Chromium is used (`apt-get install chromium`).
 */
const PORT = Number(process.env.E2E_PORT ?? 3210);
export const BASE_URL = `http://127.0.0.1:${PORT}`;
/** The shared secret of POST /api/v1/inbound/bounces on the test server (e2e/api/inbound-bounces.spec.ts). */
export const INBOUND_SECRET = "e2e-inbound-secret-0123456789";

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  use: {
    baseURL: BASE_URL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    // The admin's owner signs in once (e2e/admin/admin.setup.ts); the other tests start from that state.
    { name: "admin-setup", testMatch: "admin/admin.setup.ts" },
    { name: "browser", testIgnore: ["ops/**", "admin/admin.setup.ts"], dependencies: ["admin-setup"] },
    // Process-level tests (signals, a full disk, several instances behind a proxy) start servers of their own from
    // the same build: they run after the browser tests, alone, so the two do not compete for the machine.
    { name: "ops", testMatch: "ops/**/*.spec.ts", dependencies: ["browser"], fullyParallel: false, workers: 1 },
  ],
  webServer: {
    command: "rm -rf .data-e2e && node scripts/start.mjs",
    url: `${BASE_URL}/api/health`,
    // The start builds the app first when the sources changed: about 2–3 minutes on an idle 2-core machine, several
    // times that when other work shares it.
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      // The test runner runs under --conditions=react-server (package.json: its specs import server modules); the app
      // it starts must not: Next.js sets its own conditions per layer.
      NODE_OPTIONS: "",
      PORT: String(PORT),
      DATA_DIR: ".data-e2e",
      // The browser tests use the embedded default, whatever the environment points at.
      DATABASE_URL: "",
      PUBLIC_URL: BASE_URL,
      // Every browser test submits from 127.0.0.1.
      RATE_LIMIT_IP_PER_HOUR: "10000",
      // The admin's owner (e2e/fixtures/admin.ts); the first-start setup link is tested on a server of its own.
      ADMIN_EMAIL: "owner@e2e.example.org",
      // Every campaigner of the browser tests signs in from 127.0.0.1 too.
      RATE_LIMIT_SIGN_IN_PER_MINUTE: "1000",
      // The bot check runs for real, at a few hash rounds per submission instead of a phone's second.
      BOT_CHECK_DIFFICULTY: TEST_BOT_CHECK_DIFFICULTY,
      BOT_CHECK_MIN_FORM_SECONDS: String(TEST_MIN_FORM_SECONDS),
      INBOUND_SECRET,
    },
  },
});
