import { expect, test } from "@playwright/test";
import { pdfPages } from "../fixtures/pdf-text";
import { CATALOG, confirmationLink, pageWithoutScript, sendAsAPerson, writeOnlyTo, type TLang } from "../fixtures/journey";
import { DNC_SLUG } from "../fixtures/seed-facts";

/** The President, named in the page's script (Latin, Cyrillic or Kazakh Cyrillic), as the picker names him. */
const PRESIDENT = /Kassym-Jomart Tokayev|Касым-Жомарт Токаев|Қасым-Жомарт Тоқаев/;

// The Dignity Network Canada campaign: letters to the Canadian officials (email) and the Kazakh ones (post only).
for (const lang of ["en", "fr"] as const satisfies TLang[]) {
  const M = CATALOG[lang];
  test(`[JOURNEY] with JavaScript off, a supporter gets field errors and then sends by email (${lang})`, async ({ browser }) => {
    const { page, close } = await pageWithoutScript(browser);
    try {
      const email = `nojs.${lang}.${Date.now()}@example.org`;
      await page.goto(`/c/${DNC_SLUG}?lang=${lang}`);
      // No name, a broken email: the server refuses and says so next to each field, in the page's language.
      await page.getByLabel(M.letter.email).fill("marie@");
      await page.getByLabel(M.letter.city).fill("Gatineau");
      await page.getByLabel(M.letter.country).selectOption("CA");
      await page.getByLabel(M.letter.personalNote).fill("Je vous écris du Québec.");
      await writeOnlyTo(page, [/Anita Anand/]);
      await page.getByLabel(M.send.email).check();
      await sendAsAPerson(page, M.send.submit);

      const name = page.getByLabel(M.letter.name);
      const emailField = page.getByLabel(M.letter.email);
      await expect(page.locator(".field", { has: name }).locator(".field__error")).toHaveText(M.validation.required);
      await expect(page.locator(".field", { has: emailField }).locator(".field__error")).toHaveText(M.validation.email);
      await expect(emailField).toHaveAttribute("aria-invalid", "true");
      // The summary counts the two fields marked, not the one "supporter" group they belong to.
      await expect(page.getByTestId("error-summary")).toContainText("2");
      // Nothing typed was lost, and no personal data went into the address.
      await expect(emailField).toHaveValue("marie@");
      await expect(page.getByLabel(M.letter.city)).toHaveValue("Gatineau");
      await expect(page.getByLabel(M.letter.country)).toHaveValue("CA");
      await expect(page.getByLabel(M.letter.personalNote)).toHaveValue("Je vous écris du Québec.");
      await expect(page.getByRole("checkbox", { name: /Anita Anand/ })).toBeChecked();
      await expect(page.getByRole("checkbox", { name: /Rob Oliphant/ })).not.toBeChecked();
      await expect(page.getByLabel(M.send.email)).toBeChecked();
      expect(page.url()).not.toContain("marie");
      expect(page.url()).not.toContain("Gatineau");

      await name.fill("Marie Sans Script");
      await emailField.fill(email);
      await sendAsAPerson(page, M.send.submit);
      await expect(page.getByRole("heading", { level: 1, name: M.journey.checkEmailTitle })).toBeVisible();
      await expect(page.getByText(email)).toBeVisible();
      expect(page.url()).not.toContain(encodeURIComponent(email));

      // The letters are there as text before anything is sent.
      const link = await confirmationLink(page, email);
      await page.goto(link);
      await expect(page.getByRole("heading", { level: 1, name: M.confirm.pageTitle })).toBeVisible();
      await page.getByRole("button", { name: M.confirm.pageButton }).click();
      await expect(page.getByRole("heading", { level: 1, name: M.thanks.title })).toBeVisible();
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      const status = page.getByTestId("letter-status");
      await expect(status).toHaveCount(1);
      // Without JavaScript the page does not follow the queue by itself: a reload shows the letter sent.
      await expect(async () => {
        await page.reload();
        await expect(status).toHaveText(M.thanks.status_sent, { timeout: 500 });
      }).toPass({ timeout: 30_000 });
    } finally {
      await close();
    }
  });
}

for (const lang of ["en", "ru"] as const satisfies TLang[]) {
  const M = CATALOG[lang];
  test(`[JOURNEY] with JavaScript off, a supporter gets the PDF to post (${lang})`, async ({ browser }) => {
    const { page, close } = await pageWithoutScript(browser);
    try {
      await page.goto(`/c/${DNC_SLUG}?lang=${lang}`);
      await page.getByLabel(M.letter.name).fill("Иван Петров");
      await page.getByLabel(M.letter.city).fill("Riga");
      await page.getByLabel(M.letter.country).selectOption("LV");
      await writeOnlyTo(page, [PRESIDENT]);
      await page.getByLabel(M.send.post).check();
      await sendAsAPerson(page, M.send.submit);
      await expect(page.getByRole("heading", { level: 1, name: M.journey.postTitle })).toBeVisible();
      const letter = page.locator(".thanks-letter").first();
      await expect(letter.getByTestId("letter-status")).toHaveText(M.thanks["status_awaiting-confirmation"]);
      // The PDF is a plain link; the checklist is open to read without a script.
      const href = await letter.getByRole("link", { name: M.thanks.downloadPdf }).getAttribute("href");
      const pdf = await page.request.get(href!);
      expect(pdf.headers()["content-type"]).toContain("application/pdf");
      const { pages } = await pdfPages(Buffer.from(await pdf.body()));
      expect(pages.join(" ")).toContain("Иван Петров");
      await letter.getByText(M.thanks.postChecklist).click();
      await expect(letter).toContainText("A4");
      // "I have posted it" is a form too.
      await letter.getByRole("button", { name: M.thanks.markPosted }).click();
      await expect(page.getByRole("heading", { level: 1, name: M.thanks.title })).toBeVisible();
      await expect(page.locator(".thanks-letter").first().getByTestId("letter-status")).toHaveText(M.thanks.status_posted);
    } finally {
      await close();
    }
  });
}

// The page carries only the templates of the language its letters start in (the page's); a letter language chosen
// without JavaScript comes back with the form the server renders again.
test("[JOURNEY] with JavaScript off, letters chosen in French on an English page are shown in French after a refusal", async ({ browser }) => {
  const M = CATALOG.en;
  const { page, close } = await pageWithoutScript(browser);
  try {
    await page.goto(`/c/${DNC_SLUG}?lang=en`);
    const minister = page.getByTestId("letter-previews").locator('> li[data-recipient="ca-minister-foreign-affairs"]');
    await expect(minister).toContainText("I am writing to you from");
    await page.getByLabel(M.letter.city).fill("Gatineau");
    await page.getByLabel(M.letter.country).selectOption("CA");
    await page.getByLabel(M.letter.language).selectOption("fr");
    await page.getByLabel(M.send.post).check();
    // No name: refused.
    await page.getByRole("button", { name: M.send.submit }).click();
    await expect(page.locator(".field", { has: page.getByLabel(M.letter.name) }).locator(".field__error")).toHaveText(M.validation.required);
    await expect(page.getByLabel(M.letter.language)).toHaveValue("fr");
    // The Canadian letters in French; the Kazakh authorities have no French letter, so theirs stays in English.
    await expect(minister).toContainText("Je vous écris depuis Gatineau");
    await expect(minister).toHaveAttribute("lang", "fr");
    await expect(page.getByTestId("letter-previews").locator('> li[data-recipient="kz-president"]')).toHaveAttribute("lang", "en");
  } finally {
    await close();
  }
});
