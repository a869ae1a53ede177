import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { linkFromCapturedMail } from "../fixtures/journey";
import { OWNER_STATE, SIGN_IN_LINK, campaignerPage } from "../fixtures/admin";

test("[ADMIN] a campaigner signs in with the link from the captured mail", async ({ browser }) => {
  // Invited by the owner first (nobody signs up on their own)…
  const owner = await browser.newContext({ storageState: OWNER_STATE });
  const email = `signs-in-${Date.now()}@e2e.example.org`;
  expect((await owner.request.post("/api/admin/campaigners", { data: { email, name: "Sam Signer", role: "editor" } })).status()).toBe(201);
  await owner.close();

  // …then signs in from a fresh browser, as they would every day.
  const page = await browser.newPage();
  await page.goto("/admin/campaigners");
  await expect(page).toHaveURL(/\/admin\/sign-in\?next=%2Fadmin%2Fcampaigners/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  const link = await linkFromCapturedMail(page, email, "sign-in", SIGN_IN_LINK);
  await page.goto(link);
  await expect(page).toHaveURL(/\/admin/);
  await expect(page.getByRole("link", { name: email })).toBeVisible();

  // The session cookie is HttpOnly and SameSite=Lax (Secure needs https, which this server is not).
  const cookie = (await page.context().cookies()).find((c) => c.name.includes("session_token"));
  expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  // A link works once.
  const second = await browser.newPage();
  await second.goto(link);
  await expect(second).toHaveURL(/\/admin\/sign-in\?failed=1/);

  // Sessions are listed and can be ended; signing out ends this one.
  await page.goto("/admin/account");
  await expect(page.getByTestId("sessions").locator("tr[data-session=current]")).toHaveCount(1);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/admin\/sign-in/);
  await page.goto("/admin/campaigners");
  await expect(page).toHaveURL(/\/admin\/sign-in/);
});

test("[ADMIN] a viewer cannot save", async ({ browser }) => {
  const { page } = await campaignerPage(browser, "viewer");
  // The history of a recipient: a viewer reads it, and Restore is not theirs.
  await page.goto(`/admin/history?entity=recipient&key=kz-president`);
  await page.getByRole("link", { name: "Version 1" }).click();
  const restore = page.getByRole("button", { name: /Restore version/ });
  await expect(restore).toBeDisabled();
  // And the server refuses it whatever the page shows.
  const versionId = page.url().split("/").pop();
  const response = await page.request.post(`/api/admin/versions/${versionId}/restore`, { data: {} });
  expect(response.status()).toBe(403);
  expect((await response.json()).title).toContain("editor");
  // An owner-only area is closed to a viewer.
  await page.goto("/admin/campaigners");
  await expect(page.getByRole("heading", { name: "Not for your role" })).toBeVisible();
  await page.context().close();
});

test("[ADMIN] the admin's own pages pass axe and work from the keyboard", async ({ browser }) => {
  const { page } = await campaignerPage(browser, "owner");
  for (const url of ["/admin/campaigners", "/admin/account", "/admin/audit", "/admin/mail", "/admin/history?entity=recipient&key=kz-president"]) {
    await page.goto(url);
    const results = await new AxeBuilder({ page }).analyze();
    const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(bad.map((v) => `${url}: ${v.id}`)).toEqual([]);
  }
  // Keyboard: from the top of the page, Tab reaches the skip link first, then the admin's navigation.
  await page.goto("/admin/campaigners");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
  await page.keyboard.press("Enter");
  await page.keyboard.press("Tab");
  await expect(page.locator(":focus")).toBeVisible();
  await page.context().close();
});
