import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { opsPort, startApp, type TAppProcess } from "@/test/app-process";
import { withBotCheck } from "@/test/bot-check";
import { startTestSmtp, type TTestSmtp } from "@/test/delivery/smtp";
import { DNC_SLUG } from "../fixtures/seed-facts";

const SHOTS = "/tmp/bounces-shots";

/**
 * A relay that refuses all mail, as the campaigners meet it: the app sends through a real SMTP server that answers
 * "554 5.7.1 Relay access denied" to every recipient. A supporter's confirmation meets the refusal, so sending pauses
 * (nothing is failed), every admin page says "Sending paused" with the relay's reply, the owner is emailed once the
 * relay accepts mail again, and resumes: the waiting confirmation then goes out. A server of its own, with its own
 * relay.
 */
test("[ADMIN] the admin shows \"Sending paused\" with the relay's reply and an owner resumes", async ({ browser }) => {
  test.setTimeout(240_000);
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "ul-relay-"));
  let app: TAppProcess | undefined;
  let smtp: TTestSmtp | undefined;
  try {
    smtp = await startTestSmtp();
    app = await startApp(opsPort(1), {
      DATA_DIR: dataDir,
      DATABASE_URL: "",
      ADMIN_EMAIL: "",
      SMTP_URL: smtp.url,
      MAIL_FROM: "letters@urgent-letters.test",
      RELAY_PROBE_SECONDS: "1",
    });
    const link = /Open this link within 24 hours to become the admin's owner: (\S+\/admin\/setup\/[A-Za-z0-9_-]+)/.exec(app.output())![1]!;
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(link);
    await page.getByLabel("Your name").fill("Olga Owner");
    await page.getByLabel("Email").fill("olga@example.org");
    await page.getByRole("button", { name: "Become the owner" }).click();
    await expect(page).toHaveURL(new RegExp(`${app.url}/admin`));

    // The relay starts refusing; a supporter's confirmation email is the first message to meet it.
    smtp.behaviour = "relay-denied";
    const supporter = `relay.${Date.now()}@example.org`;
    const submitted = await page.request.post(`${app.url}/api/v1/actions`, {
      data: await withBotCheck(app.url, {
        campaign: DNC_SLUG,
        supporter: { name: "Relay Supporter", email: supporter, city: "Toronto", country: "CA" },
        recipients: ["ca-mp-mcpherson"],
        delivery: "email",
      }),
    });
    expect(submitted.status()).toBe(202);

    const banner = page.getByRole("region", { name: "Sending paused" });
    await expect(async () => {
      await page.goto(`${app!.url}/admin/campaigns`);
      await expect(banner).toBeVisible({ timeout: 1000 });
    }).toPass({ timeout: 60_000 });
    await expect(banner.locator("code")).toHaveText(/^554 5\.7\.1 <relay\.\d+@example\.org>: Relay access denied$/);
    await expect(banner).toContainText("No letter was failed and no address was flagged");
    // The Deliveries page says so too (the banner is on every admin page).
    await page.goto(`${app.url}/admin/deliveries`);
    await expect(banner).toBeVisible();
    const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
    expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
    await mkdir(SHOTS, { recursive: true });
    for (const width of [390, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.screenshot({ path: `${SHOTS}/relay-paused-${width}.png`, fullPage: true });
    }
    expect(smtp.raw).toHaveLength(0);

    // The relay is fixed: the next probe is the alert to the owner, and the banner says the relay takes mail again.
    smtp.behaviour = "accept";
    await smtp.waitForMessages(1, 60_000);
    const [alert] = await smtp.messages();
    expect([alert!.to].flat().flatMap((a) => a!.value.map((v) => v.address))).toEqual(["olga@example.org"]);
    expect(alert!.text).toContain("554 5.7.1");
    expect(alert!.text).toContain(`${app.url}/admin`);
    await page.goto(`${app.url}/admin/campaigns`);
    await expect(banner).toContainText("The relay accepts mail again");
    // Still paused: the confirmation waits for the owner.
    expect(smtp.raw).toHaveLength(1);

    // The owner resumes, with the keyboard.
    await banner.getByRole("button", { name: "Resume sending" }).focus();
    await page.keyboard.press("Enter");
    // The banner goes, and the keyboard focus stays on the page's main area.
    await expect(banner).toHaveCount(0);
    await expect(page.locator("#admin-main")).toBeFocused();
    await page.reload();
    await expect(banner).toHaveCount(0);
    await smtp.waitForMessages(2, 60_000);
    const confirmation = (await smtp.messages())[1]!;
    expect([confirmation.to].flat().flatMap((a) => a!.value.map((v) => v.address))).toEqual([supporter]);

    // The resume is in the audit log.
    await page.goto(`${app.url}/admin/audit`);
    await expect(page.getByText("resume-sending").first()).toBeVisible();
  } finally {
    await app?.stop();
    await smtp?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
