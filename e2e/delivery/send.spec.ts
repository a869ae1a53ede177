import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import en from "../../lib/i18n/messages/en.json" with { type: "json" };
import fr from "../../lib/i18n/messages/fr.json" with { type: "json" };
import { DNC_SLUG } from "../fixtures/seed-facts";
import { confirmationLink as capturedConfirmationLink } from "../fixtures/journey";
import { withBotCheck } from "../../test/bot-check";

const L = en.letter;
const S = en.send;
const T = en.thanks;

async function openComposer(page: Page, slug: string) {
  await page.goto(`/c/${slug}?lang=en`);
  await page.evaluate(() => window.sessionStorage.clear());
  await page.reload();
  await expect(page.getByTestId("letter-previews")).toBeVisible();
}

async function fill(page: Page, name: string, email: string, country = "CA") {
  await page.getByLabel(L.name).fill(name);
  await page.getByLabel(L.email).fill(email);
  await page.getByLabel(L.city).fill("Ottawa");
  await page.getByLabel(L.country).selectOption(country);
}

/** The confirmation link of the mail to `email`, without its ?lang= (these tests choose the language themselves). */
async function confirmationLink(page: Page, email: string): Promise<string> {
  return (await capturedConfirmationLink(page, email)).split("?")[0]!;
}

test("[DELIVERY] a supporter sends, confirms from the email and sees the letters sent", async ({ page }) => {
  const email = `marie.${Date.now()}@example.org`;
  await openComposer(page, DNC_SLUG);
  await fill(page, "Marie Tremblay", email);
  // Write to the Canadian officials only; they take email.
  for (const name of [/Kassym-Jomart Tokayev/, /United Kingdom/, /United States/]) await page.getByRole("checkbox", { name }).uncheck();
  await expect(page.getByLabel(S.email)).toBeChecked();
  await page.getByRole("button", { name: S.submit }).click();
  await expect(page.getByRole("heading", { name: S.checkEmailTitle })).toBeVisible();
  await expect(page.getByText(email)).toBeVisible();

  const link = await confirmationLink(page, email);
  // Opening the link sends nothing: a mail provider's link scanner opens links too, so the letters wait for a button.
  expect((await page.request.get(link)).status()).toBe(200);
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1, name: en.confirm.pageTitle })).toBeVisible();
  const listed = page.locator("main li");
  await expect(listed).toHaveCount(2);
  await expect(listed.first()).toContainText("Anita Anand");
  await page.getByRole("button", { name: en.confirm.pageButton }).click();
  await expect(page).toHaveURL(new RegExp(`/c/${DNC_SLUG}/thanks\\?action=`));
  await expect(page.getByRole("heading", { level: 1, name: T.title })).toBeVisible();
  const statuses = page.getByTestId("letter-status");
  await expect(statuses).toHaveCount(2);
  // The sender works through the queue; the page follows it without a reload.
  await expect(statuses.nth(0)).toHaveText(T.status_sent, { timeout: 30_000 });
  await expect(statuses.nth(1)).toHaveText(T.status_sent, { timeout: 30_000 });
  await expect(page.getByTestId("campaign-counter")).toBeVisible();

  // The letters went out from the organisation's address, with the supporter as Reply-To and the PDF attached.
  await page.goto("/dev/mail");
  const letterRow = page.locator("tr", { hasText: "Anita.Anand@parl.gc.ca" }).filter({ hasText: "letter" }).first();
  await letterRow.getByRole("link").click();
  await expect(page.locator('[data-header="from"]')).toContainText("Marie Tremblay via");
  await expect(page.locator('[data-header="from"]')).not.toContainText(email);
  await expect(page.locator('[data-header="reply-to"]')).toContainText(email);
  await expect(page.getByRole("link", { name: /\.pdf$/ })).toBeVisible();

  // The link works once: following it again only shows the letters, nothing is sent again.
  await page.goto(link);
  await expect(page).toHaveURL(new RegExp(`/c/${DNC_SLUG}/thanks\\?action=`));
  await expect(page.getByTestId("letter-status")).toHaveText([T.status_sent, T.status_sent]);
  // A made-up link says so.
  await page.goto(link.replace(/[A-Za-z0-9_-]{10}$/, "AAAAAAAAAA"));
  await expect(page.getByRole("heading", { level: 1, name: en.confirm.unknownTitle })).toBeVisible();
});

test("[DELIVERY] a supporter prints a letter and says it is posted", async ({ page }) => {
  await openComposer(page, DNC_SLUG);
  await fill(page, "Seán Ó Briain", `sean.${Date.now()}@example.org`, "IE");
  for (const name of [/United Kingdom/, /Anita Anand/, /Rob Oliphant/]) await page.getByRole("checkbox", { name }).uncheck();
  // For a supporter in Ireland, the embassy in Washington was left unticked.
  await expect(page.getByRole("checkbox", { name: /United States/ })).not.toBeChecked();
  // None of the Kazakh officials takes email: only printing is possible.
  await expect(page.getByLabel(S.email)).toBeDisabled();
  await expect(page.getByLabel(S.post)).toBeChecked();
  await page.getByRole("button", { name: S.submit }).click();
  await expect(page).toHaveURL(/\/thanks\?action=/);
  const letter = page.locator(".thanks-letter").first();
  await expect(letter.getByTestId("letter-status")).toHaveText(T["status_awaiting-confirmation"]);
  // The thank-you page passes axe too.
  const axe = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  expect(axe.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => v.id)).toEqual([]);
  const download = await Promise.all([page.waitForEvent("download"), letter.getByRole("link", { name: T.downloadPdf }).click()]);
  expect(download[0].suggestedFilename()).toBe("letter-kz-president.pdf");
  await letter.getByText(T.postChecklist).click();
  await expect(letter).toContainText("A4");
  await letter.getByRole("button", { name: T.markPosted }).click();
  await expect(letter.getByTestId("letter-status")).toHaveText(T.status_posted);
  // Switching the language keeps the letters on the page.
  await page.getByRole("link", { name: "Français" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.locator(".thanks-letter").first().getByTestId("letter-status")).toHaveText(fr.thanks.status_posted);
});

test("[DELIVERY] a supporter opens a letter in their own email app", async ({ page }) => {
  await openComposer(page, DNC_SLUG);
  await fill(page, "Jean Roy", `jean.${Date.now()}@example.org`);
  for (const name of [/Kassym-Jomart Tokayev/, /United Kingdom/, /United States/, /Rob Oliphant/]) await page.getByRole("checkbox", { name }).uncheck();
  await page.getByLabel(S.mailto).check();
  await page.getByRole("button", { name: S.submit }).click();
  await expect(page).toHaveURL(/\/thanks\?action=/);
  const letter = page.locator('.thanks-letter[data-channel="mailto"]');
  await expect(letter).toHaveCount(1);
  const copy = letter.getByRole("button", { name: T.copyLetter });
  await expect(copy).toBeVisible();
  // A short enough letter opens directly; a long one is copied instead (both offer the copy).
  const open = letter.getByRole("link", { name: T.openMailto });
  if ((await open.count()) > 0) {
    const href = (await open.getAttribute("href"))!;
    expect(href.startsWith("mailto:Anita.Anand%40parl.gc.ca?subject=")).toBe(true);
    expect(decodeURIComponent(href)).toContain("Jean Roy");
  } else {
    await expect(letter).toContainText("Anita.Anand@parl.gc.ca");
  }
  await letter.getByRole("button", { name: T.markSent }).click();
  await expect(letter.getByTestId("letter-status")).toHaveText(T.status_sent);
});

test("[DELIVERY] the confirmation page works without JavaScript", async ({ page, request, browser }) => {
  const email = `nojs.${Date.now()}@example.org`;
  const sent = await request.post("/api/v1/actions", {
    data: await withBotCheck(request, { campaign: DNC_SLUG, supporter: { name: "Jean Sans Script", email, city: "Ottawa", country: "CA" }, recipients: ["ca-mp-chong"], delivery: "email" }),
  });
  expect(sent.status()).toBe(202);
  const link = await confirmationLink(page, email);

  const context = await browser.newContext({ javaScriptEnabled: false });
  try {
    const plain = await context.newPage();
    await plain.goto(`${link}?lang=en`);
    await expect(plain.getByRole("heading", { level: 1, name: en.confirm.pageTitle })).toBeVisible();
    await expect(plain.locator("main li")).toHaveText([/Michael Chong/]);
    await plain.getByRole("button", { name: en.confirm.pageButton }).click();
    await expect(plain).toHaveURL(new RegExp(`/c/${DNC_SLUG}/thanks\\?action=`));
    await expect(plain.getByRole("heading", { level: 1, name: T.title })).toBeVisible();
  } finally {
    await context.close();
  }
});
