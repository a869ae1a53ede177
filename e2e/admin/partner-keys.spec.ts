/**
 * The admin's partner API keys and webhooks pages, driven by an owner in a real browser, on an app instance of its
 * own (e2e/fixtures/partner-app.ts: its fictional partner is written into its database, which the shared test
 * server's embedded one does not allow).
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { opsPort } from "@/test/app-process";
import { startReceiver, type TReceiver } from "@/test/webhooks/receiver";
import { signInThroughMail } from "../fixtures/admin";
import { startPartnerApp, type TPartnerApp } from "../fixtures/partner-app";

const PARTNER = "fictional-admin-partner";
const OWNER = "owner@partners.e2e.example.org";

test.describe.configure({ mode: "serial" });

let started: TPartnerApp;
let receiver: TReceiver;
let secret = "";

test.beforeAll(async () => {
  test.setTimeout(240_000);
  started = await startPartnerApp(2, PARTNER, { ADMIN_EMAIL: OWNER, WEBHOOK_ALLOW_PRIVATE_URLS: "true" });
  receiver = await startReceiver(opsPort(7), (body, headers) => new Webhook(secret).verify(body, headers));
});
test.afterAll(async () => {
  await receiver?.close();
  await started?.stop();
});

async function ownerPage(browser: import("@playwright/test").Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: started.app.url });
  const page = await context.newPage();
  await signInThroughMail(page, OWNER);
  return page;
}

async function expectNoSeriousAxe(page: Page) {
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(", ")}`)).toEqual([]);
}

async function shoot(page: Page, name: string, at?: string) {
  // Screenshots for a person to look at, when asked for (PARTNER_SHOTS=<folder>); nothing is asserted on them.
  const folder = process.env.PARTNER_SHOTS;
  if (!folder) return;
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 1000 });
    if (at) await page.locator(at).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${folder}/${name}-${width}.png`, fullPage: !at });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** On a phone's width the page does not scroll sideways (wide tables scroll inside their own box). */
async function expectFitsPhone(page: Page) {
  await page.setViewportSize({ width: 390, height: 800 });
  const wide = await page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest(".table-scroll"))
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`),
  );
  const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 1280, height: 720 });
  expect(wide).toEqual([]);
  expect(scroll).toBeLessThanOrEqual(390);
}

const stats = (key: string) => fetch(`${started.app.url}/api/v1/partners/me/stats`, { headers: { authorization: `Bearer ${key}` } });

test("[ADMIN] an owner creates a partner API key, sees it once and revokes it", async ({ browser }) => {
  const page = await ownerPage(browser);
  await page.goto(`/admin/partners/${PARTNER}/keys`);
  await expect(page.getByRole("heading", { level: 1, name: /API keys/ })).toBeVisible();
  await expect(page.getByText("No keys yet.")).toBeVisible();
  await expectNoSeriousAxe(page);

  // By keyboard: the name field, then Enter.
  await page.getByLabel("Name").fill("CRM sync");
  await page.getByLabel("Name").press("Enter");
  const shown = page.getByRole("textbox", { name: "New key “CRM sync”" });
  await expect(shown).toBeVisible();
  const key = await shown.inputValue();
  expect(key).toMatch(/^ul_live_[A-Za-z0-9_-]{43}$/);
  const row = page.locator("tr", { hasText: "CRM sync" });
  await expect(row).toContainText(`${key.slice(0, 12)}…`);
  await expect(row).toContainText("live");
  await expect(row).toContainText("never");
  await expectNoSeriousAxe(page);
  await expectFitsPhone(page);
  await shoot(page, "keys");

  // The key works from a server, and the list then shows it was used.
  expect((await stats(key)).status).toBe(200);
  // Shown once: after a reload only its first characters are on the page.
  await page.reload();
  await expect(page.getByRole("textbox", { name: /New key/ })).toHaveCount(0);
  expect(await page.content()).not.toContain(key);
  await expect(row).not.toContainText("never");

  // Revoking asks once more; "Keep it" keeps it.
  await row.getByRole("button", { name: "Revoke CRM sync" }).click();
  await row.getByRole("button", { name: "Keep it" }).click();
  expect((await stats(key)).status).toBe(200);
  await row.getByRole("button", { name: "Revoke CRM sync" }).click();
  await row.getByRole("button", { name: "Yes, revoke “CRM sync”" }).click();
  await expect(page.getByRole("status").filter({ hasText: "is revoked" })).toBeVisible();
  await expect(row).toContainText("revoked");
  expect((await stats(key)).status).toBe(401);
  await page.context().close();
});

test("[ADMIN] an owner adds a webhook endpoint, sees its secret once, sends a test event and redelivers it", async ({ browser }) => {
  const page = await ownerPage(browser);
  await page.goto(`/admin/partners/${PARTNER}/webhooks`);
  await expect(page.getByRole("heading", { level: 1, name: /Webhooks/ })).toBeVisible();
  await page.getByLabel("URL").fill(receiver.url);
  await page.getByRole("checkbox", { name: "letter.bounced" }).check();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const shown = page.getByRole("textbox", { name: /Signing secret/ });
  await expect(shown).toBeVisible();
  secret = await shown.inputValue();
  expect(secret).toMatch(/^whsec_/);
  const endpoint = page.locator("tr", { hasText: receiver.url });
  await expect(endpoint).toContainText("action.confirmed, letter.sent, letter.bounced");

  await endpoint.getByRole("button", { name: /Send test event/ }).click();
  // The in-process worker signs and sends it; the receiver verifies the signature with the secret shown.
  await expect.poll(() => receiver.received.map((r) => [r.type, r.verified]), { timeout: 30_000 }).toEqual([["test", true]]);
  await expect(async () => {
    await page.reload();
    await expect(page.locator("tr", { hasText: "test" }).filter({ hasText: "delivered" })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expectNoSeriousAxe(page);
  await expectFitsPhone(page);
  await shoot(page, "webhooks");

  await page.locator("tr", { hasText: "delivered" }).getByRole("button", { name: /Redeliver/ }).click();
  await expect.poll(() => receiver.received.length, { timeout: 30_000 }).toBe(2);
  // The same message: the same webhook-id, so a receiver drops the copy.
  expect(receiver.received[1]!.id).toBe(receiver.received[0]!.id);

  // An address on the private network is refused unless the setting allows it (this instance allows it); a URL
  // that is not http(s) is refused always.
  await page.getByLabel("URL").fill("ftp://partner.example.org/hooks");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByText("must start with https://")).toBeVisible();
  await page.context().close();
});

test("[SITE] the API reference is rendered by the app from its OpenAPI document", async ({ browser }) => {
  const context = await browser.newContext({ baseURL: started.app.url });
  const page = await context.newPage();
  const scripts: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(started.app.url)) scripts.push(r.url());
  });
  await page.goto("/developers");
  await expect(page.getByRole("heading", { level: 1, name: "Urgent Letters API" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "GET /api/v1/partners/me/stats" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Event action.confirmed" })).toBeVisible();
  // An answer's fields unfold under its schema's name, by keyboard too.
  const statsSection = page.locator('section[aria-labelledby="getpartnerstats"]');
  await statsSection.getByText("Fields of PartnerStats").focus();
  await page.keyboard.press("Enter");
  await expect(statsSection.getByText("Of those, confirmed by the supporter", { exact: false }).first()).toBeVisible();
  // Nothing from another host (no CDN).
  expect(scripts).toEqual([]);
  await expectNoSeriousAxe(page);
  await expectFitsPhone(page);
  await shoot(page, "developers-top", "h1");
  await shoot(page, "developers-stats", "#getpartnerstats");
  await context.close();
});
