import { expect, test } from "@playwright/test";
import { OWNER_EMAIL, OWNER_STATE, campaignerPage } from "../fixtures/admin";

test("[ADMIN] captured mail is in the admin, and /dev/mail answers only this machine", async ({ browser, request }) => {
  const owner = await browser.newContext({ storageState: OWNER_STATE });
  const page = await owner.newPage();
  await page.goto("/admin/mail");
  await expect(page.getByRole("heading", { name: "Mail" })).toBeVisible();
  // The owner's own sign-in link is among what was captured; a message opens with its text.
  const row = page.locator("tr", { hasText: OWNER_EMAIL }).filter({ hasText: "sign-in" }).first();
  await row.getByRole("link").click();
  await expect(page.getByTestId("mail-text")).toContainText("/api/auth/magic-link/verify");
  await owner.close();

  // Straight from this machine, /dev/mail answers; through a proxy (a forwarded request), it does not exist.
  expect((await request.get("/dev/mail")).status()).toBe(200);
  expect((await request.get("/dev/mail", { headers: { "x-forwarded-for": "203.0.113.9" } })).status()).toBe(404);
});

test("[ADMIN] an owner reads who changed what in the audit log, and a viewer cannot", async ({ browser }) => {
  const { page, email } = await campaignerPage(browser, "owner");
  const invited = `audited-${Date.now()}@e2e.example.org`;
  await page.goto("/admin/campaigners");
  const form = page.getByRole("form", { name: "Invite a campaigner" });
  await form.getByLabel("Name").fill("Audited Person");
  await form.getByLabel("Email").fill(invited);
  await form.getByLabel("Role").selectOption("viewer");
  await form.getByRole("button", { name: "Invite" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is invited" })).toBeVisible();
  // A bad address is refused next to its field, and what was typed stays.
  await form.getByLabel("Email").fill("not an address");
  await form.getByRole("button", { name: "Invite" }).click();
  await expect(form.getByText("Enter an email address")).toBeVisible();
  await expect(form.getByLabel("Email")).toHaveValue("not an address");

  await page.goto("/admin/audit");
  const line = page.getByTestId("audit-log").locator("tr", { hasText: invited });
  await expect(line).toContainText(email);
  await expect(line).toContainText("invite campaigner");
  await page.context().close();

  const viewer = await campaignerPage(browser, "viewer");
  await viewer.page.goto("/admin/audit");
  await expect(viewer.page.getByRole("heading", { name: "Not for your role" })).toBeVisible();
  await viewer.page.context().close();
});
