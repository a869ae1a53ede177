import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { opsPort, startApp, type TAppProcess } from "@/test/app-process";

/**
 * The first start of a fresh install, as its operator sees it: `npm start` on an empty embedded database prints a
 * one-time setup link next to the site's address; whoever opens it and gives an email becomes the owner, signed in
 * at once. The link works once. A server of its own (no ADMIN_EMAIL), so nobody is a campaigner yet.
 */
test("[ADMIN] the first start prints a setup link and its opener becomes the owner", async ({ browser }) => {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), "ul-setup-"));
  let app: TAppProcess | undefined;
  try {
    app = await startApp(opsPort(9), { DATA_DIR: dataDir, DATABASE_URL: "", ADMIN_EMAIL: "" });
    const printed = /Open this link within 24 hours to become the admin's owner: (\S+\/admin\/setup\/[A-Za-z0-9_-]+)/.exec(app.output());
    expect(printed, app.output()).not.toBeNull();
    const link = printed![1]!;
    expect(app.output()).toContain(`Urgent Letters is ready on ${app.url}`);

    const page = await browser.newPage();
    await page.goto(link);
    await expect(page.getByRole("heading", { name: "Set up the admin" })).toBeVisible();
    await page.getByLabel("Your name").fill("Olga Owner");
    await page.getByLabel("Email").fill("olga@example.org");
    await page.getByRole("button", { name: "Become the owner" }).click();
    await expect(page).toHaveURL(new RegExp(`${app.url}/admin`));
    // Signed in, as the owner: the owners-only areas are hers.
    await expect(page.getByRole("navigation", { name: "Admin" }).getByRole("link", { name: "Campaigners" })).toBeVisible();
    await page.goto(`${app.url}/admin/campaigners`);
    await expect(page.locator("tr", { hasText: "olga@example.org" }).getByRole("combobox")).toHaveValue("owner");

    // The link worked once: a second opener is told so, and no form is offered.
    const stranger = await browser.newPage();
    await stranger.goto(link);
    await expect(stranger.getByText("The admin has an owner already.")).toBeVisible();
    await expect(stranger.getByRole("button", { name: "Become the owner" })).toHaveCount(0);
    const again = await stranger.request.post(`${app.url}/api/setup`, { data: { token: link.split("/").pop(), email: "eve@example.org", name: "Eve" } });
    expect(again.status()).toBe(404);
  } finally {
    await app?.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
});
