import { expect, test, type Page } from "@playwright/test";
import { CATALOG, confirmationLink, writeOnlyTo, type TLang } from "../fixtures/journey";
import { DNC_SLUG, VERIFIED_EMAILS } from "../fixtures/seed-facts";

/** The President, named in the page's script (Latin, Cyrillic or Kazakh Cyrillic), as the picker names him. */
const PRESIDENT = /Kassym-Jomart Tokayev|Касым-Жомарт Токаев|Қасым-Жомарт Тоқаев/;

async function openComposer(page: Page, lang: TLang) {
  await page.goto(`/c/${DNC_SLUG}?lang=${lang}`);
  await page.evaluate(() => window.sessionStorage.clear());
  await page.reload();
  await expect(page.getByTestId("letter-previews")).toBeVisible();
}

async function fill(page: Page, lang: TLang, who: { name: string; email?: string; city: string; country: string }) {
  const L = CATALOG[lang].letter;
  await page.getByLabel(L.name, { exact: true }).fill(who.name);
  if (who.email) await page.getByLabel(L.email, { exact: true }).fill(who.email);
  await page.getByLabel(L.city, { exact: true }).fill(who.city);
  await page.getByLabel(L.country, { exact: true }).selectOption(who.country);
}

for (const lang of ["en", "kk"] as const satisfies TLang[]) {
  const M = CATALOG[lang];
  test(`[JOURNEY] the result of sending is on screen and focused on a phone (${lang})`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    try {
      await openComposer(page, lang);
      await fill(page, lang, { name: "Aigerim Bek", email: `phone.${lang}.${Date.now()}@example.org`, city: "Almaty", country: "KZ" });
      await writeOnlyTo(page, [/Anita Anand/, PRESIDENT]);
      await page.getByLabel(M.send.email).check();
      await page.getByRole("button", { name: M.send.submit }).click();
      const heading = page.getByRole("heading", { level: 1, name: M.journey.checkEmailTitle });
      await expect(heading).toBeVisible();
      // On screen, not thousands of pixels above it, and where the keyboard and the screen reader are.
      await expect(heading).toBeInViewport();
      await expect(heading).toBeFocused();
      await expect(page).toHaveTitle(new RegExp(M.journey.checkEmailTitle));
      // The letter to print is on the same page, below.
      await expect(page.locator('.thanks-letter[data-channel="post"]')).toHaveCount(1);
      // Back returns to the form; a reload of the result shows it again.
      await page.reload();
      await expect(heading).toBeVisible();
      await page.goBack();
      await expect(page.getByRole("button", { name: M.send.submit })).toBeVisible();
    } finally {
      await context.close();
    }
  });
}

test("[JOURNEY] a French supporter confirms from a fresh browser and every page is French", async ({ browser }) => {
  await frenchFromFreshBrowser(browser, "fr", "en-US");
});

test("[JOURNEY] a French supporter confirms from a fresh browser and every page is French (en: an English page read in a French browser stays English)", async ({
  browser,
}) => {
  await frenchFromFreshBrowser(browser, "en", "fr-FR");
});

async function frenchFromFreshBrowser(browser: import("@playwright/test").Browser, lang: TLang, otherLocale: string) {
  const M = CATALOG[lang];
  const email = `fresh.${lang}.${Date.now()}@example.org`;
  const writing = await browser.newContext();
  const page = await writing.newPage();
  await openComposer(page, lang);
  await fill(page, lang, { name: "Camille Roy", email, city: "Montréal", country: "CA" });
  await writeOnlyTo(page, [/Michael Chong/]);
  await page.getByLabel(M.send.email).check();
  await page.getByRole("button", { name: M.send.submit }).click();
  await expect(page.getByRole("heading", { level: 1, name: M.journey.checkEmailTitle })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  const link = await confirmationLink(page, email);
  // The confirmation email speaks the page's language.
  await expect(page.getByTestId("mail-text")).toContainText(M.email.confirmLink);
  await writing.close();

  // Another browser, preferring another language and with no cookie of ours.
  const fresh = await browser.newContext({ locale: otherLocale });
  try {
    const other = await fresh.newPage();
    await other.goto(link.replace(/\?lang=[a-z]{2}$/, ""));
    await expect(other.locator("html")).toHaveAttribute("lang", lang);
    await expect(other.getByRole("heading", { level: 1, name: M.confirm.pageTitle })).toBeVisible();
    await expect(other.getByRole("navigation", { name: M.site.language })).toBeVisible();
    await other.getByRole("button", { name: M.confirm.pageButton }).click();
    await expect(other.getByRole("heading", { level: 1, name: M.thanks.title })).toBeVisible();
    await expect(other.locator("html")).toHaveAttribute("lang", lang);
    await expect(other.getByTestId("letter-status")).toHaveText(M.thanks.status_sent, { timeout: 30_000 });
    // A later visit to the thank-you page, without ?lang=, is in the same language.
    const later = new URL(other.url());
    later.searchParams.delete("lang");
    await other.goto(later.toString());
    await expect(other.locator("html")).toHaveAttribute("lang", lang);
    await expect(other.getByRole("heading", { level: 1, name: M.thanks.title })).toBeVisible();
  } finally {
    await fresh.close();
  }
}

for (const lang of ["kk", "en"] as const satisfies TLang[]) {
  const M = CATALOG[lang];
  test(`[JOURNEY] the Kazakh page writes Kazakh letters to the Kazakh authorities by default (${lang})`, async ({ page }) => {
    await openComposer(page, lang);
    await fill(page, lang, { name: "Әсем Нұрланова", city: "Астана", country: "KZ" });
    await writeOnlyTo(page, [PRESIDENT, /Anita Anand/]);
    const president = page.locator('.letter-preview[data-recipient="kz-president"]');
    const minister = page.locator('.letter-preview[data-recipient="ca-minister-foreign-affairs"]');
    // The page's language where the audience has a template in it; the Canadian letters have none in Kazakh.
    await expect(president).toHaveAttribute("lang", lang);
    await expect(minister).toHaveAttribute("lang", "en");
    // The composer says which language each letter is in.
    await expect(president.getByTestId("letter-language")).toHaveText(M.journey.letterLanguage.replace("{language}", lang === "kk" ? "Қазақша" : "English"));
    await expect(minister.getByTestId("letter-language")).toHaveText(M.journey.letterLanguage.replace("{language}", "English"));
    await page.getByLabel(M.send.post).check();
    await page.getByRole("button", { name: M.send.submit }).click();
    await expect(page.getByRole("heading", { level: 1, name: M.journey.postTitle })).toBeVisible();
    // The letters as written are in those languages too.
    const status = await (await page.request.get(`/api/v1/actions/${new URL(page.url()).searchParams.get("action")}`)).json();
    expect(status.letters.map((l: { recipientId: string }) => l.recipientId).sort()).toEqual(["ca-minister-foreign-affairs", "kz-president"]);
    const pdf = await page.request.get((await page.locator(".thanks-letter").first().getByRole("link", { name: M.thanks.downloadPdf }).getAttribute("href"))!);
    expect(pdf.status()).toBe(200);
  });
}

for (const lang of ["en", "fr"] as const satisfies TLang[]) {
  const M = CATALOG[lang];
  test(`[JOURNEY] the mailto link opens a mail to the official with the subject (${lang})`, async ({ browser }) => {
    const context = await browser.newContext();
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    const page = await context.newPage();
    try {
      await openComposer(page, lang);
      // No email needed for the supporter's own mail app.
      await fill(page, lang, { name: "Jean Roy", city: "Ottawa", country: "CA" });
      await writeOnlyTo(page, [/Anita Anand/]);
      const subject = (await page.locator(".letter-preview__subject").first().innerText()).replace(/^[^:]*:\s*/, "").trim();
      await page.getByLabel(M.send.mailto).check();
      await page.getByRole("button", { name: M.send.submit }).click();
      await expect(page.getByRole("heading", { level: 1, name: M.journey.mailtoTitle })).toBeVisible();
      const letter = page.locator('.thanks-letter[data-channel="mailto"]');
      const href = (await letter.getByTestId("mailto-link").getAttribute("href"))!;
      const url = new URL(href);
      expect(url.protocol).toBe("mailto:");
      expect(url.pathname).toBe(VERIFIED_EMAILS["ca-minister-foreign-affairs"]);
      expect(url.searchParams.get("subject")).toBe(subject);
      expect(href.length).toBeLessThanOrEqual(2000);
      const body = await letter.getByTestId("mailto-body").inputValue();
      expect(body).toContain("Jean Roy");
      if (url.searchParams.has("body")) {
        expect(url.searchParams.get("body")!.replace(/\r\n/g, "\n")).toBe(body);
      } else {
        // Too long for every mail app: one click copies the body, without the subject line, to paste.
        await letter.getByRole("button", { name: M.mailto.copyBody }).click();
        await expect(letter.getByRole("status")).toHaveText(M.mailto.copied);
        const copied = await page.evaluate(() => navigator.clipboard.readText());
        expect(copied).toBe(body);
        expect(copied.startsWith(subject)).toBe(false);
      }
      await letter.getByRole("button", { name: M.thanks.markSent }).click();
      await expect(letter.getByTestId("letter-status")).toHaveText(M.thanks.status_sent);
    } finally {
      await context.close();
    }
  });
}

for (const lang of ["en", "ru"] as const satisfies TLang[]) {
  const M = CATALOG[lang];
  test(`[JOURNEY] print and post needs no email (${lang})`, async ({ page }) => {
    await openComposer(page, lang);
    await fill(page, lang, { name: "Ольга Смирнова", city: "Tallinn", country: "EE" });
    await writeOnlyTo(page, [PRESIDENT, /Michael Chong/]);
    await page.getByLabel(M.send.post).check();
    await page.getByRole("button", { name: M.send.submit }).click();
    await expect(page.getByRole("heading", { level: 1, name: M.journey.postTitle })).toBeVisible();
    await expect(page.locator('.thanks-letter[data-channel="post"]')).toHaveCount(2);
    // Sending by email for them does need it, and says so next to the field.
    await openComposer(page, lang);
    await fill(page, lang, { name: "Ольга Смирнова", city: "Tallinn", country: "EE" });
    await writeOnlyTo(page, [/Michael Chong/]);
    await page.getByLabel(M.send.email).check();
    await page.getByRole("button", { name: M.send.submit }).click();
    const email = page.getByLabel(M.letter.email);
    await expect(page.locator(".field", { has: email }).locator(".field__error")).toHaveText(M.validation.emailNeeded);
  });
}

test("[LETTER] what is typed while the composer's code loads stays where it was typed", async ({ page }) => {
  await page.goto(`/c/${DNC_SLUG}?lang=fr`);
  await page.evaluate(() => window.sessionStorage.clear());
  await page.reload();
  const L = CATALOG.fr.letter;
  // Straight away, field after field: the first touch starts loading the composer, which takes over mid-way.
  await page.getByLabel(L.name, { exact: true }).fill("Camille Roy");
  await page.getByLabel(L.city, { exact: true }).fill("Montréal");
  await page.getByLabel(L.country, { exact: true }).selectOption("CA");
  await page.getByLabel(L.personalNote, { exact: true }).fill("Je vous écris de Montréal.");
  await expect(page.getByLabel(L.name, { exact: true })).toHaveValue("Camille Roy");
  await expect(page.getByLabel(L.city, { exact: true })).toHaveValue("Montréal");
  await expect(page.getByLabel(L.country, { exact: true })).toHaveValue("CA");
  await expect(page.getByLabel(L.personalNote, { exact: true })).toHaveValue("Je vous écris de Montréal.");
  // The live composer is in place: the preview follows what was typed.
  await expect(page.getByTestId("letter-previews").locator("> li").first()).toContainText("Camille Roy");
  await expect(page.getByTestId("letter-previews").locator("> li").first()).toContainText("Je vous écris de Montréal.");
});

test("[LETTER] a phone browser that shows no PDF inside a page gets the download and a word instead of an empty frame", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  // What Chrome on Android says.
  await context.addInitScript({ content: `Object.defineProperty(Navigator.prototype, "pdfViewerEnabled", { get: () => false });` });
  const page = await context.newPage();
  try {
    await openComposer(page, "en");
    await fill(page, "en", { name: "Aigerim Bek", city: "Almaty", country: "KZ" });
    await page.getByRole("button", { name: CATALOG.en.letter.pdfShow }).click();
    await expect(page.getByRole("link", { name: CATALOG.en.letter.pdfDownload })).toBeVisible({ timeout: 20_000 });
    await expect(page.getByText(CATALOG.en.journey.pdfNoInline)).toBeVisible();
    await expect(page.locator("iframe.pdf-frame")).toHaveCount(0);
  } finally {
    await context.close();
  }
});
