import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import en from "../../lib/i18n/messages/en.json";
import fr from "../../lib/i18n/messages/fr.json";
import kk from "../../lib/i18n/messages/kk.json";
import { DNC_SLUG, FLD_DEMANDS, FLD_SLUG } from "../fixtures/seed-facts";

const stripEnd = (s: string) => s.trim().replace(/[;.]$/, "");

test("[SITE] a visitor finds both campaigns", async ({ page }) => {
  await page.goto("/?lang=en");
  await expect(page.getByRole("heading", { level: 1, name: en.home.title })).toBeVisible();
  const cards = page.locator(".campaign-list > li");
  await expect(cards).toHaveCount(2);
  await expect(page.getByRole("link", { name: /stand with woman human rights defender Zhanar Sekerbayeva/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /criminal charges against Zhanar Sekerbayeva/ })).toBeVisible();
  // Each card shows its letter count.
  await expect(cards.first().getByTestId("letter-count")).toHaveText(/letter/i);

  for (const slug of [FLD_SLUG, DNC_SLUG]) {
    await page.goto("/?lang=en");
    await page.locator(`a[href="/c/${slug}"]`).first().click();
    await expect(page).toHaveURL(new RegExp(`/c/${slug}$`));
    await expect(page.getByRole("heading", { level: 2, name: en.campaign.demands })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: en.campaign.recipients })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: en.campaign.timeline })).toBeVisible();
    await expect(page.locator(".source-credit")).toContainText(slug === FLD_SLUG ? "Front Line Defenders" : "Dignity Network Canada");
  }
});

test("[SITE] a visitor reads the four demands", async ({ page }) => {
  await page.goto(`/c/${FLD_SLUG}?lang=en`);
  const demands = page.locator('[data-audience="kazakhstan-authorities"] ol.demands > li');
  await expect(demands).toHaveCount(4);
  const texts = (await demands.allInnerTexts()).map(stripEnd);
  expect(texts).toEqual(FLD_DEMANDS.map(stripEnd));
  // Who the letters go to, with their postal addresses.
  await expect(page.locator('[data-recipient="kz-president"] address')).toContainText("Astana 010000");
  await expect(page.locator('[data-recipient="kz-embassy-uk"] address')).toContainText("125 Pall Mall");
});

test("[SITE] a visitor switches the page to French and to Kazakh", async ({ page }) => {
  await page.goto(`/c/${FLD_SLUG}?lang=en`);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  await page.getByRole("navigation", { name: en.site.language }).getByRole("link", { name: "Français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 2, name: fr.campaign.demands })).toBeVisible();
  // The FLD campaign has no French text: it is shown in English, with a note saying so.
  await expect(page.getByRole("note").first()).toContainText(fr.campaign.fallbackNote.split("{")[0]!.trim().slice(0, 20));
  await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "en");

  await page.getByRole("navigation", { name: fr.site.language }).getByRole("link", { name: "Қазақша" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await expect(page.getByRole("heading", { level: 2, name: kk.campaign.demands })).toBeVisible();
  // The FLD campaign is written in Kazakh: its title is Kazakh, not the English one.
  await expect(page.getByRole("heading", { level: 1 })).toHaveAttribute("lang", "kk");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(/[ӘәҒғҚқҢңӨөҰұҮүҺһІі]|[А-Яа-я]/);

  // The choice is remembered on the next page.
  await page.goto("/");
  await expect(page.locator("html")).toHaveAttribute("lang", "kk");
  await expect(page.getByRole("heading", { level: 1, name: kk.home.title })).toBeVisible();
});

for (const slug of [FLD_SLUG, DNC_SLUG]) {
  test(`[SITE] the case page passes axe with no serious or critical violation (${slug})`, async ({ page }) => {
    await page.goto(`/c/${slug}?lang=en`);
    const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
  });
}

test("[SITE] no page requests another host", async ({ page, baseURL }) => {
  const ownHost = new URL(baseURL!).host;
  const foreign: string[] = [];
  page.on("request", (request) => {
    const url = new URL(request.url());
    if (url.protocol.startsWith("http") && url.host !== ownHost) foreign.push(request.url());
  });
  for (const path of ["/", `/c/${FLD_SLUG}`, `/c/${DNC_SLUG}`, "/?lang=ru", `/c/${FLD_SLUG}?lang=kk`, "/no-such-page"]) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // The fonts the pages use are the app's own.
  const fonts = await page.evaluate(() => performance.getEntriesByType("resource").filter((e) => /\.woff2?$/.test(e.name)).map((e) => e.name));
  expect(fonts.length).toBeGreaterThan(0);
  expect(foreign).toEqual([]);
});

test("[SITE] a phone-sized screen shows the case without sideways scrolling", async ({ page }) => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.goto(`/c/${DNC_SLUG}?lang=en`);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

test("[SITE] the case page can be used with the keyboard", async ({ page }) => {
  await page.goto(`/c/${FLD_SLUG}?lang=en`);
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: en.site.skipToContent })).toBeFocused();
  await page.keyboard.press("Enter");
  // After skipping, the next Tab lands inside the main content, not in the header.
  await page.keyboard.press("Tab");
  const inMain = await page.evaluate(() => !!document.activeElement?.closest("main"));
  expect(inMain).toBe(true);
});
