import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { OWNER_STATE, campaignerPage } from "../fixtures/admin";

async function expectNoSeriousAxe(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

/** Fictional partners only: made here, with example.org sites and local origins. */
test("[ADMIN] an owner adds a partner, with each bad origin named by its line, and edits its theme", async ({ browser }) => {
  const context = await browser.newContext({ storageState: OWNER_STATE });
  const page = await context.newPage();
  const code = `fictional-admin-${Date.now().toString(36)}${process.pid.toString(36)}`;
  await page.goto("/admin/partners");
  await expectNoSeriousAxe(page);
  await page.getByRole("link", { name: "New partner" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "New partner" })).toBeVisible();
  await expectNoSeriousAxe(page);

  // By keyboard: each field in turn.
  await page.getByLabel("Code").focus();
  await page.keyboard.type(code);
  await page.keyboard.press("Tab");
  await page.keyboard.type("Fictional Admin Partner");
  await page.getByLabel("Site").fill("https://partner.example.org");
  const origins = page.getByLabel("Origins that may frame the embed");
  await origins.fill("https://partner.example.org\nhttp://partner.example.org\nhttps://partner.example.org/embed\nhttp://127.0.0.1:3345");
  await page.getByRole("button", { name: "Add the partner" }).click();
  const lineErrors = page.getByTestId("origin-errors");
  await expect(lineErrors).toContainText("Line 2:");
  await expect(lineErrors).toContainText("Line 3:");
  await expect(lineErrors).not.toContainText("Line 1:");
  await expect(lineErrors).not.toContainText("Line 4:");
  await expect(origins).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByLabel("Code")).toHaveValue(code);

  await origins.fill("https://partner.example.org\nhttp://127.0.0.1:3345");
  await page.getByLabel("Accent colour").fill("#0b5d3b");
  await page.getByLabel("Corner radius").fill("0px");
  await page.screenshot({ path: "/tmp/embed-shots/admin-partner-new-1280.png", fullPage: true });
  await page.getByRole("button", { name: "Add the partner" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/partners/${code}\\?created=1$`));
  await expectNoSeriousAxe(page);
  await expect(page.getByRole("link", { name: "API keys" })).toHaveAttribute("href", `/admin/partners/${code}/keys`);
  await expect(page.getByRole("link", { name: "Webhooks" })).toHaveAttribute("href", `/admin/partners/${code}/webhooks`);
  await expect(page.locator("pre.code-block")).toContainText(`data-partner="${code}"`);

  // The swatch shows the theme as it is typed.
  const swatchButton = page.getByTestId("theme-swatch").getByText("Send my letters");
  await expect(swatchButton).toHaveCSS("background-color", "rgb(11, 93, 59)");
  await page.getByLabel("Accent colour").fill("#ffd700");
  await expect(swatchButton).toHaveCSS("background-color", "rgb(255, 215, 0)");
  // Light accent, dark text.
  await expect(swatchButton).toHaveCSS("color", "rgb(17, 17, 17)");
  await page.getByLabel("Active").uncheck();
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByTestId("save-status")).toHaveText("Saved: published as version 2.");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: "/tmp/embed-shots/admin-partner-edit-390.png", fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.screenshot({ path: "/tmp/embed-shots/admin-partner-edit-1280.png", fullPage: true });

  // An inactive partner's embed cannot be framed; the list says so; the history has both versions.
  expect((await page.request.get(`/embed/dnc-sekerbayeva-charges?partner=${code}`)).headers()["content-security-policy"]).toContain("frame-ancestors 'none'");
  await page.goto("/admin/partners");
  await expect(page.locator(`tr[data-partner-code="${code}"]`)).toContainText("inactive");
  await page.screenshot({ path: "/tmp/embed-shots/admin-partners-1280.png", fullPage: true });
  await page.goto(`/admin/history?entity=partner&key=${code}`);
  await expect(page.getByTestId("versions").locator("tr[data-version]")).toHaveCount(2);
  // The export holds the partner's file.
  const exported = await page.request.get("/api/admin/content/export");
  expect(exported.status()).toBe(200);
  expect((await exported.body()).includes(Buffer.from(`templates/partners/${code}.yaml`))).toBe(true);
  await context.close();
});

test("[ADMIN] partners are the owners' to change: a viewer and an editor read them", async ({ browser }) => {
  const owner = await browser.newContext({ storageState: OWNER_STATE });
  const code = `fictional-read-${Date.now().toString(36)}${process.pid.toString(36)}`;
  const made = await owner.request.post("/api/admin/partners", { data: { code, name: "Fictional Read Partner", site: "https://read.example.org", allowedOrigins: [] } });
  expect(made.status(), await made.text()).toBe(201);
  await owner.close();
  for (const role of ["viewer", "editor"] as const) {
    const { page } = await campaignerPage(browser, role);
    await page.goto(`/admin/partners/${code}`);
    await expect(page.getByRole("heading", { level: 1, name: "Fictional Read Partner" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Save and publish" })).toBeDisabled();
    await expect(page.getByLabel("Name")).toBeDisabled();
    const put = await page.request.put(`/api/admin/partners/${code}`, { data: { code, name: "Changed", site: "https://read.example.org", allowedOrigins: [] } });
    expect(put.status(), role).toBe(403);
    const post = await page.request.post("/api/admin/partners", { data: { code: `${code}-x`, name: "New", site: "https://read.example.org", allowedOrigins: [] } });
    expect(post.status(), role).toBe(403);
    await page.context().close();
  }
});
