import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import en from "../../lib/i18n/messages/en.json" with { type: "json" };
import fr from "../../lib/i18n/messages/fr.json" with { type: "json" };
import kk from "../../lib/i18n/messages/kk.json" with { type: "json" };
import ru from "../../lib/i18n/messages/ru.json" with { type: "json" };
import { DNC_SLUG, FLD_DEMANDS, FLD_SLUG } from "../fixtures/seed-facts";

const stripEnd = (s: string) => s.trim().replace(/[;.]$/, "");

test("[SITE] a visitor finds the live campaign, and not the closed one", async ({ page }) => {
  await page.goto("/?lang=en");
  await expect(page.getByRole("heading", { level: 1, name: en.home.title })).toBeVisible();
  // The seeded live campaign has one card (the admin's browser tests may add fictional live campaigns of their own).
  const card = page.locator(".campaign-list > li").filter({ has: page.locator(`a[href="/c/${DNC_SLUG}"]`) });
  await expect(card).toHaveCount(1);
  await expect(page.getByRole("link", { name: /criminal charges against Zhanar Sekerbayeva/ })).toBeVisible();
  await expect(page.locator(`a[href="/c/${FLD_SLUG}"]`)).toHaveCount(0);
  // Each card shows its letter count.
  await expect(card.getByTestId("letter-count")).toHaveText(/letter/i);

  await page.locator(`a[href="/c/${DNC_SLUG}"]`).first().click();
  await expect(page).toHaveURL(new RegExp(`/c/${DNC_SLUG}$`));
  await expect(page.getByRole("heading", { level: 2, name: en.campaign.demands })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: en.campaign.recipients })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: en.campaign.timeline })).toBeVisible();
  await expect(page.locator(".source-credit")).toContainText("Dignity Network Canada");
  // Where the letters go, with their postal addresses; an address without a citeable source says so.
  await expect(page.locator('[data-recipient="kz-embassy-uk"] address')).toContainText("125 Pall Mall");
  await expect(page.locator('[data-recipient="kz-embassy-uk"] address span').first()).toHaveText("Embassy of the Republic of Kazakhstan");
  await expect(page.locator('[data-recipient="kz-president"] address')).toContainText("Astana");
  await expect(page.locator('[data-recipient="kz-president"]').getByTestId("address-check")).toHaveText(en.campaign.addressCheck);
  await expect(page.locator('[data-recipient="kz-embassy-uk"]').getByTestId("serves")).toHaveText("For supporters writing from: United Kingdom and Ireland.");
  await expect(page.getByTestId("sender-note")).toContainText("Urgent Letters");
  // An email that rests on a third-party directory says so, among the sources; the embassy in Washington names its
  // ambassador now, and the Parliamentary Secretaries are both listed.
  await expect(page.locator('[data-recipient="ca-mp-chong"]').getByTestId("email-check")).toHaveText(en.campaign.emailCheck);
  await expect(page.locator('[data-recipient="kz-embassy-us"] .recipient__name')).toHaveText("Magzhan Ilyassov");
  await expect(page.locator('[data-recipient="ca-parl-sec-fortier"] .recipient__name')).toHaveText("Mona Fortier");
});

test("[SITE] a closed campaign shows its outcome and no form", async ({ page }) => {
  await page.goto(`/c/${FLD_SLUG}?lang=en`);
  const status = page.locator("section#case-status");
  await expect(status).toBeVisible();
  await expect(status).toContainText(en.campaign.status_closed);
  // The closing update says how the case ended for this appeal, and where the case went on.
  const closing = status.locator(".update").first();
  await expect(closing).toContainText("released");
  await expect(closing).toContainText("10 March 2025");
  await expect(closing.locator(".source a").first()).toHaveAttribute("href", /^https:\/\//);
  // No form, no recipients to write to, nothing to send, and no "no letters sent yet".
  await expect(page.locator("form")).toHaveCount(0);
  await expect(page.getByTestId("letter-count")).toHaveCount(0);
  await expect(page.getByRole("heading", { name: en.campaign.writeHeading })).toHaveCount(0);
  await expect(page.getByRole("heading", { level: 2, name: en.campaign.recipients })).toHaveCount(0);
  // The demands stay word for word, shown as the record they now are.
  await expect(page.getByTestId("demands-history")).toHaveText(en.campaign.demandsClosed.replace("{date}", "3 March 2025"));
  const demands = page.locator('[data-audience="kazakhstan-authorities"] ol.demands > li');
  expect((await demands.allInnerTexts()).map(stripEnd)).toEqual(FLD_DEMANDS.map(stripEnd));
  // The case itself stays readable.
  await expect(page.getByRole("heading", { level: 2, name: en.campaign.background })).toBeVisible();
  await expect(page.getByRole("heading", { level: 2, name: en.campaign.timeline })).toBeVisible();
  await expect(page.locator(".source-credit")).toContainText("Front Line Defenders");
  // The way on: the live campaign about the criminal case.
  await closing.locator('a[href="/c/dnc-sekerbayeva-charges"]').click();
  await expect(page).toHaveURL(new RegExp(`/c/${DNC_SLUG}$`));
  await expect(page.locator("form.composer")).toBeVisible();
});

test("[SITE] the case status says when it was last checked", async ({ page }) => {
  await page.goto(`/c/${DNC_SLUG}?lang=en`);
  const status = page.locator("section#case-status");
  // It comes first: before the demands, the form and the story.
  const order = await page.evaluate(() => [...document.querySelectorAll("article.campaign > section")].map((s) => s.id || s.getAttribute("aria-labelledby")));
  expect(order[0]).toBe("case-status");
  await expect(status.getByRole("heading", { level: 2 })).toHaveText(en.campaign.statusHeading);
  await expect(status.getByTestId("status-as-of")).toHaveText(en.campaign.statusAsOf.replace("{date}", "1 December 2026"));
  await expect(status.locator(".case-status__text")).toContainText("suspect");
  // Each update carries its date and its source; the newest comes first.
  const updates = status.locator(".update");
  expect(await updates.count()).toBeGreaterThan(0);
  const dates = await updates.locator("time").evaluateAll((els) => els.map((e) => e.getAttribute("datetime") ?? ""));
  expect([...dates].sort().reverse()).toEqual(dates);
  for (const update of await updates.all()) await expect(update.locator(".source")).not.toBeEmpty();

  // In Russian, the status block is in Russian, and so is the warning for supporters in Kazakhstan.
  await page.goto(`/c/${DNC_SLUG}?lang=ru`);
  await expect(page.locator("section#case-status").getByRole("heading", { level: 2 })).toHaveText(ru.campaign.statusHeading);
  await expect(page.getByTestId("safety-kz")).toHaveText(ru.letter.safetyKz);
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
  for (const path of ["/", `/c/${FLD_SLUG}`, `/c/${DNC_SLUG}`, "/?lang=ru", `/c/${FLD_SLUG}?lang=kk`, `/c/${DNC_SLUG}?lang=kk`, "/no-such-page"]) {
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
