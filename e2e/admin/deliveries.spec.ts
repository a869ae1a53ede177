/**
 * Deliveries, against an app of its own: real Postgres (a scratch database) and a real SMTP server (smtp-server in
 * this process) that the app and the sender both talk to. The shared browser-test server captures mail instead of
 * sending it, so no relay could ever refuse a letter there; here the reply a campaigner reads is the one the SMTP
 * server gave to a real try. The app's own sender is off (WORKER_IN_PROCESS=false): the test runs the sender's
 * passes itself (lib/delivery/send-due-letters.ts), so a queued letter stays queued until it does.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import { promisify } from "node:util";
import { expect, test, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { and, eq, inArray } from "drizzle-orm";
import { openDatabase, type TDatabase } from "@/lib/db/open";
import { contentVersions, letters } from "@/lib/db/schema";
import type { TSendCounts } from "@/lib/delivery/send-due-letters";
import { opsPort, startApp, type TAppProcess } from "@/test/app-process";
import { seedLetters } from "@/test/delivery/seed";
import { startTestSmtp, type TTestSmtp } from "@/test/delivery/smtp";
import { createScratchDatabase, type TScratchDatabase } from "@/test/scratch-postgres";
import { SIGN_IN_LINK } from "../fixtures/admin";
import { expectNoSeriousAxe } from "../fixtures/axe";
import { importFictionalCampaign, type TFictional } from "./fictional-content";

const OWNER = "deliveries-owner@e2e.example.org";
const MAIL_FROM = "letters@urgent-letters.localhost";
const SHOTS = process.env.SHOTS_DIR;

// Each test runs the sender two or three times, each in a process of its own (a few seconds each on a busy machine).
test.describe.configure({ mode: "serial", timeout: 180_000 });

let scratch: TScratchDatabase;
let smtp: TTestSmtp;
let app: TAppProcess;
let database: TDatabase;
let owner: BrowserContext;

/**
 * One pass of the sender against the test's SMTP server, as `npm run worker` runs it, in a process of its own: this
 * test runner's module loader cannot lay out a PDF (test/delivery/send-pass.ts).
 */
async function sendPass(): Promise<TSendCounts> {
  const { stdout } = await promisify(execFile)(process.execPath, ["--conditions=react-server", "--import", "tsx", "test/delivery/send-pass.ts"], {
    env: { ...process.env, NODE_OPTIONS: "", PASS_DATABASE_URL: scratch.url, PASS_SMTP_URL: smtp.url, PASS_MAIL_FROM: MAIL_FROM },
    timeout: 60_000,
  });
  return JSON.parse(stdout.trim().split("\n").at(-1)!) as TSendCounts;
}

/** Screenshots at a phone's and a laptop's width, only when SHOTS_DIR asks for them (for people to look at). */
async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** A fictional official's queued letters, written to the fictional campaign's audience from its published template. */
async function queueLetters(fictional: TFictional, count: number): Promise<{ ids: string[]; templateVersionId: string }> {
  const ids = await seedLetters(database.db, { campaignSlug: fictional.slug, recipientId: fictional.recipientId, count, queuedAt: new Date() });
  const [template] = await database.db
    .select({ id: contentVersions.id })
    .from(contentVersions)
    .where(and(eq(contentVersions.entity, "template"), eq(contentVersions.key, `${fictional.slug}/example-government/en`), eq(contentVersions.state, "published")));
  await database.db.update(letters).set({ audienceId: "example-government", templateVersionId: template!.id }).where(inArray(letters.id, ids));
  return { ids, templateVersionId: template!.id };
}

/** A campaigner with `role`, invited by the owner; signed in with the invitation that reached the SMTP server. */
async function invitedContext(browser: Browser, role: "editor" | "viewer"): Promise<BrowserContext> {
  const email = `deliveries-${role}-${Date.now()}@e2e.example.org`;
  const invited = await owner.request.post("/api/admin/campaigners", { data: { email, name: `Test ${role}`, role } });
  expect(invited.status(), await invited.text()).toBe(201);
  let link: RegExpExecArray | null = null;
  await expect(async () => {
    const mail = (await smtp.messages()).find((m) => JSON.stringify(m.to).includes(email));
    link = SIGN_IN_LINK.exec(mail?.text ?? "");
    expect(link).not.toBeNull();
  }).toPass({ timeout: 20_000 });
  const context = await browser.newContext({ baseURL: app.url });
  const page = await context.newPage();
  await page.goto(link![0]);
  await expect(page).toHaveURL(/\/admin(\/|$)/);
  await page.close();
  return context;
}

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  const base = process.env.DATABASE_URL?.trim() || "postgres://postgres@127.0.0.1:5432/postgres";
  scratch = await createScratchDatabase(base, "ul_test_deliveries");
  smtp = await startTestSmtp({ port: opsPort(5) });
  app = await startApp(opsPort(4), {
    DATABASE_URL: scratch.url,
    SMTP_URL: smtp.url,
    MAIL_FROM,
    WORKER_IN_PROCESS: "false",
    ADMIN_EMAIL: OWNER,
    RATE_LIMIT_SIGN_IN_PER_MINUTE: "1000",
    TRUSTED_PROXIES: "0",
  });
  database = await openDatabase({ databaseUrl: scratch.url, migrate: false });
  // The app made the owner at its start and mailed them a sign-in link, through the SMTP server.
  await smtp.waitForMessages(1);
  const invite = (await smtp.messages()).find((m) => JSON.stringify(m.to).includes(OWNER));
  const link = SIGN_IN_LINK.exec(invite?.text ?? "");
  expect(link, "a sign-in link in the owner's mail").not.toBeNull();
  owner = await browser.newContext({ baseURL: app.url });
  const page = await owner.newPage();
  await page.goto(link![0]);
  await expect(page).toHaveURL(/\/admin(\/|$)/);
  await page.close();
  smtp.reset();
});

test.afterAll(async () => {
  await owner?.close();
  await database?.close();
  await app?.stop();
  await smtp?.stop();
  await scratch?.drop();
});

test("[ADMIN] a campaigner finds a failed letter, reads its SMTP reply and retries it", async () => {
  const page = await owner.newPage();
  const fictional = await importFictionalCampaign(page, "live");
  const {
    ids: [letterId],
    templateVersionId,
  } = await queueLetters(fictional, 1);
  // The official's relay refuses the letter: a real try, a real 550.
  smtp.behaviour = "550";
  expect(await sendPass()).toMatchObject({ failed: 1 });
  expect(smtp.attempts).toBe(1);
  smtp.behaviour = "accept";

  await page.goto("/admin/deliveries");
  await page.getByLabel("Official").fill(fictional.recipientId);
  await page.getByLabel("Status").selectOption("failed");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=failed/);
  await expect(page.getByTestId("delivery-count")).toHaveText("Letters 1–1 of 1.");
  const row = page.locator(`tr[data-letter-id="${letterId}"]`);
  await expect(row).toContainText("failed");
  await expect(row).toContainText("No such mailbox");
  await expectNoSeriousAxe(page);
  await shoot(page, "deliveries-table");

  await row.getByRole("link").click();
  await expect(page).toHaveURL(`${app.url}/admin/deliveries/${letterId}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Minister of Examples (fictional)");
  const tries = page.getByTestId("attempts").locator("tbody tr");
  await expect(tries).toHaveCount(1);
  await expect(tries.first()).toContainText("failed");
  await expect(tries.first()).toContainText("550");
  await expect(tries.first()).toContainText("No such mailbox");
  // The owner sees the supporter's email; the letter's text is there as it was frozen, and its PDF opens.
  await expect(page.getByTestId("supporter")).toContainText("@example.org");
  await expect(page.getByRole("link", { name: "version 1" })).toHaveAttribute("href", `/admin/history/${templateVersionId}`);
  await expect(page.getByTestId("letter-text")).toContainText(`Letter number 0 to ${fictional.recipientId}.`);
  const pdf = await page.request.get(`/api/admin/letters/${letterId}/pdf`);
  expect(pdf.headers()["content-type"]).toBe("application/pdf");
  expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  await expectNoSeriousAxe(page);
  await shoot(page, "letter-page-failed");

  await page.getByRole("button", { name: "Retry this letter…" }).click();
  await expect(page.getByRole("group", { name: "Retry 1 failed letter to Minister of Examples (fictional)?" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Retry 1 letter" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "letter" })).toHaveText("1 letter back in the queue.");
  await expect(page.getByRole("heading", { level: 1 })).toContainText("queued");

  // The sender's next pass takes it, and this time the relay accepts it.
  expect(await sendPass()).toMatchObject({ sent: 1 });
  expect(smtp.raw.length).toBe(1);
  await page.reload();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("sent");
  await expect(tries).toHaveCount(2);
  await expect(tries.nth(1)).toContainText("sent");
  const [sent] = await database.db.select().from(letters).where(eq(letters.id, letterId!));
  expect(sent!.messageId).toBeTruthy();
  await expect(page.getByTestId("message-id")).toHaveText(sent!.messageId!);
  await shoot(page, "letter-page-sent");
  await page.close();
});

test("[ADMIN] a campaigner cancels the queued letters of one official after seeing how many", async () => {
  // (and pauses and resumes another campaign's sending)
  const page = await owner.newPage();
  const mine = await importFictionalCampaign(page, "live");
  const other = await importFictionalCampaign(page, "live");
  const { ids: cancelled } = await queueLetters(mine, 3);
  const { ids: kept } = await queueLetters(other, 2);

  await page.goto("/admin/deliveries");
  await page.getByLabel("Recipient").selectOption(mine.recipientId);
  await page.getByLabel("Status").selectOption("queued");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByTestId("delivery-count")).toHaveText("Letters 1–3 of 3.");
  await page.getByLabel(/all 3 letters matching the filters/).check();
  await page.getByRole("button", { name: "Cancel queued letters…" }).click();
  await expect(page.getByRole("group", { name: "Cancel 3 queued letters to Minister of Examples (fictional)?" })).toBeVisible();
  await expectNoSeriousAxe(page);
  await shoot(page, "deliveries-confirm");
  // Back changes nothing…
  await page.getByRole("button", { name: "Back" }).click();
  expect((await database.db.select().from(letters).where(inArray(letters.id, cancelled))).map((l) => l.status)).toEqual(["queued", "queued", "queued"]);
  // …confirming cancels exactly those three.
  await page.getByRole("button", { name: "Cancel queued letters…" }).click();
  await page.getByRole("button", { name: "Cancel 3 letters" }).click();
  await expect(page.getByRole("status").filter({ hasText: "cancelled" })).toHaveText("3 letters cancelled.");
  await expect(page.getByTestId("delivery-count")).toHaveText("No letter matches.");
  expect((await database.db.select().from(letters).where(inArray(letters.id, cancelled))).map((l) => l.status)).toEqual(["cancelled", "cancelled", "cancelled"]);
  // The other official's letters are still queued, and the sender sends them, not the cancelled ones.
  expect((await database.db.select().from(letters).where(inArray(letters.id, kept))).map((l) => l.status)).toEqual(["queued", "queued"]);
  smtp.reset();
  // Pausing that campaign's sending keeps its letters in the queue; resuming lets them go.
  await page.goto(`/admin/deliveries?campaign=${other.slug}`);
  const paused = page.getByRole("switch", { name: "Sending on hold" });
  await expect(async () => {
    await paused.check();
    await expect(page.getByText("Sending is on hold: no letter of this campaign leaves the queue.")).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  expect(await sendPass()).toMatchObject({ sent: 0 });
  expect(smtp.raw.length).toBe(0);
  await paused.uncheck();
  await expect(page.getByText("Sending goes on")).toBeVisible();
  expect(await sendPass()).toMatchObject({ sent: 2 });
  expect(smtp.raw.length).toBe(2);
  await page.close();
});

test("[ADMIN] letters to a suspect address are held until a campaigner clears the flag", async () => {
  const page = await owner.newPage();
  const fictional = await importFictionalCampaign(page, "live");
  // Three refusals in a row flag the address…
  await queueLetters(fictional, 3);
  smtp.reset();
  smtp.behaviour = "550";
  expect(await sendPass()).toMatchObject({ failed: 3 });
  smtp.behaviour = "accept";
  // …and the next letter to it is held, not sent.
  const {
    ids: [heldId],
  } = await queueLetters(fictional, 1);
  expect(await sendPass()).toMatchObject({ sent: 0 });
  expect(smtp.raw.length).toBe(0);
  expect((await database.db.select().from(letters).where(eq(letters.id, heldId!)))[0]!.status).toBe("held");

  await page.goto("/admin/deliveries");
  const suspect = page.getByTestId("suspect-list").locator(`li[data-recipient-id="${fictional.recipientId}"]`);
  await expect(suspect).toContainText("1 held");
  await expect(suspect).toContainText("No such mailbox");
  await expectNoSeriousAxe(page);
  await shoot(page, "deliveries-suspect");
  await suspect.getByRole("link", { name: "Check and clear the flag" }).click();
  const reason = page.getByLabel("Why can the address be trusted again?");
  const cleared = page.getByTestId("suspect-panel").getByRole("status");
  // The panel's form is React's once the page has hydrated: typed before that, the text would be reset.
  await expect(async () => {
    await reason.fill("Checked on the fictional ministry's site");
    await expect(reason).toHaveValue("Checked on the fictional ministry's site", { timeout: 500 });
    await page.getByRole("button", { name: "Clear the suspect flag" }).click();
    await expect(cleared).toContainText("1 held letter goes back to the queue.", { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  expect(await sendPass()).toMatchObject({ sent: 1 });
  expect(smtp.raw.length).toBe(1);
  await page.goto("/admin/deliveries");
  await expect(page.getByTestId("suspect-list").locator(`li[data-recipient-id="${fictional.recipientId}"]`)).toHaveCount(0);
  await page.close();
});

test("[ADMIN] a viewer reads the deliveries but sees neither the actions nor the supporter's email", async ({ browser }) => {
  const page = await owner.newPage();
  const fictional = await importFictionalCampaign(page, "live");
  await page.close();
  const {
    ids: [letterId],
  } = await queueLetters(fictional, 1);
  const viewer = await invitedContext(browser, "viewer");
  try {
    const seen = await viewer.newPage();
    await seen.goto(`/admin/deliveries?recipient=${fictional.recipientId}`);
    await expect(seen.getByTestId("delivery-count")).toHaveText("Letters 1–1 of 1.");
    await expect(seen.getByRole("button", { name: /Cancel|Retry/ })).toHaveCount(0);
    await expect(seen.getByRole("checkbox")).toHaveCount(0);
    await seen.goto(`/admin/deliveries/${letterId}`);
    await expect(seen.getByTestId("supporter")).toContainText("Supporter Number0");
    await expect(seen.getByTestId("supporter")).not.toContainText("@");
    await expect(seen.getByRole("button", { name: /Cancel/ })).toHaveCount(0);
    // The handler refuses a viewer whatever the page shows.
    const refused = await seen.request.post("/api/admin/deliveries/cancel", { data: { selection: { ids: [letterId] } } });
    expect(refused.status()).toBe(403);
    expect((await database.db.select().from(letters).where(eq(letters.id, letterId!)))[0]!.status).toBe("queued");
  } finally {
    await viewer.close();
  }
});
