import fs from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import en from "../../lib/i18n/messages/en.json" with { type: "json" };
import fr from "../../lib/i18n/messages/fr.json" with { type: "json" };
import ru from "../../lib/i18n/messages/ru.json" with { type: "json" };
import { pdfPages, squash } from "../fixtures/pdf-text";
import { DNC_DEMANDS_KZ, DNC_SLUG } from "../fixtures/seed-facts";

const L = en.letter;

async function openComposer(page: Page, slug = DNC_SLUG, lang = "en") {
  await page.goto(`/c/${slug}?lang=${lang}`);
  // Start from an empty form whatever an earlier test left in this browser.
  await page.evaluate(() => window.sessionStorage.clear());
  await page.reload();
  await expect(page.getByTestId("letter-previews")).toBeVisible();
}

async function fillDetails(page: Page) {
  await page.getByLabel(L.name).fill("Әсем Қайратқызы Нұрланова");
  await page.getByLabel(L.email).fill("asem@example.org");
  await page.getByLabel(L.city).fill("Cork");
  await page.getByLabel(L.country).selectOption("IE");
}

test("[LETTER] a supporter fills the form and sees the preview change", async ({ page }) => {
  await openComposer(page);
  const previews = page.getByTestId("letter-previews");
  const first = previews.locator("li").first();
  // Before typing, the letter shows where the name and city will go: three Kazakh officials and the two Canadian
  // ones the campaign preselects.
  await expect(first).toContainText(L.placeholderName);
  await expect(previews.locator("> li")).toHaveCount(5);

  await fillDetails(page);
  // An Irish supporter writes to the embassy in London, not to the one in Washington.
  await expect(previews.locator("> li")).toHaveCount(4);
  await expect(first).toContainText("Әсем Қайратқызы Нұрланова");
  await expect(first).toContainText("from Cork, Ireland");
  for (const demand of DNC_DEMANDS_KZ) await expect(first).toContainText(demand);

  await page.getByLabel(L.personalNote).fill("I was in Almaty in 2019.\n<b>Free Zhanar</b> {{date}}");
  await expect(first).toContainText("I was in Almaty in 2019.");
  // Supporter text stays text.
  await expect(first).toContainText("<b>Free Zhanar</b> {{date}}");
  await expect(page.getByTestId("note-counter")).toContainText(String("I was in Almaty in 2019.\n<b>Free Zhanar</b> {{date}}".length));

  await page.getByLabel(L.signInitials).check();
  await expect(first).toContainText("Ә. Қ. Н.");
  await expect(first).not.toContainText("Әсем Қайратқызы Нұрланова");

  await page.getByLabel(L.language).selectOption("ru");
  await expect(first).toContainText("Уважаемый господин Президент!");
  await expect(first).toHaveAttribute("lang", "ru");

  await page.getByRole("checkbox", { name: /Kassym-Jomart Tokayev/ }).uncheck();
  await expect(previews.locator("> li")).toHaveCount(3);
});

test("[LETTER] a supporter downloads the PDF", async ({ page }) => {
  await openComposer(page);
  await fillDetails(page);
  await page.getByLabel(L.personalNote).fill("Greetings from Cork.");
  await page.getByRole("button", { name: L.pdfShow }).click();
  const link = page.getByRole("link", { name: L.pdfDownload });
  await expect(link).toBeVisible({ timeout: 20_000 });
  await expect(page.locator("iframe.pdf-frame")).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe("letters.pdf");
  const file = await download.path();
  const { pages, width, height } = await pdfPages(await fs.readFile(file));
  const all = squash(pages.join(" "));
  expect(all).toContain("Әсем Қайратқызы Нұрланова");
  expect(all).toContain("Greetings from Cork.");
  for (const demand of DNC_DEMANDS_KZ) expect(all).toContain(squash(demand));
  // Four officials, four letters, each starting with its own salutation.
  expect(pages.filter((p) => /Your Excellency|Dear Ambassador|Dear Minister|Dear Mr\. Oliphant/.test(p)).length).toBe(4);
  // An Irish supporter prints on A4.
  expect([Math.round(width), Math.round(height)]).toEqual([595, 842]);
});

test("[LETTER] a supporter's typing survives a reload", async ({ page }) => {
  await openComposer(page, DNC_SLUG);
  await page.getByLabel(L.name).fill("Marie Tremblay");
  await page.getByLabel(L.city).fill("Montréal");
  await page.getByLabel(L.country).selectOption("CA");
  await page.getByLabel(L.personalNote).fill("Je vous écris de Montréal.");
  await page.getByRole("checkbox", { name: /Michael Chong/ }).check();
  // Wait until the form has been kept, then reload.
  await expect.poll(() => page.evaluate(() => Object.keys(window.sessionStorage).length)).toBeGreaterThan(0);
  await expect.poll(() => page.evaluate(() => JSON.stringify(window.sessionStorage))).toContain("ca-mp-chong");
  await page.reload();
  await expect(page.getByLabel(L.name)).toHaveValue("Marie Tremblay");
  await expect(page.getByLabel(L.city)).toHaveValue("Montréal");
  await expect(page.getByLabel(L.country)).toHaveValue("CA");
  await expect(page.getByLabel(L.personalNote)).toHaveValue("Je vous écris de Montréal.");
  await expect(page.getByRole("checkbox", { name: /Michael Chong/ })).toBeChecked();
  await expect(page.getByTestId("letter-previews")).toContainText("Marie Tremblay");
});

test("[LETTER] a wrong email is shown next to the field", async ({ page }) => {
  await openComposer(page);
  const email = page.getByLabel(L.email);
  await email.fill("asem@");
  await email.blur();
  const error = page.locator(".field", { has: email }).locator(".field__error");
  await expect(error).toHaveText(en.validation.email);
  // The message is tied to the field for screen readers, and the field says it is invalid.
  await expect(email).toHaveAttribute("aria-invalid", "true");
  const describedBy = (await email.getAttribute("aria-describedby")) ?? "";
  expect(describedBy.split(" ")).toContain(await error.getAttribute("id"));
  // What was typed stays.
  await expect(email).toHaveValue("asem@");
  await email.fill("asem@example.org");
  await expect(error).toHaveCount(0);

  // In French, the message is French.
  await openComposer(page, DNC_SLUG, "fr");
  const emailFr = page.getByLabel(fr.letter.email);
  await emailFr.fill("pas-une-adresse");
  await emailFr.blur();
  await expect(page.locator(".field", { has: emailFr }).locator(".field__error")).toHaveText(fr.validation.email);
});

test("[LETTER] the whole form works with the keyboard alone", async ({ page }) => {
  await openComposer(page);
  // Tab from the top of the page to the name field.
  const focusedLabel = () => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent ?? "");
  let reached = false;
  for (let i = 0; i < 40 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = (await focusedLabel()) === L.name;
  }
  expect(reached).toBe(true);
  await page.keyboard.type("Aigerim Bek");
  await page.keyboard.press("Tab"); // sign with initials
  await page.keyboard.press("Space");
  await expect(page.getByLabel(L.signInitials)).toBeChecked();
  await page.keyboard.press("Tab"); // email
  await page.keyboard.type("aigerim@example.org");
  await page.keyboard.press("Tab"); // city
  await page.keyboard.type("Dublin");
  await page.keyboard.press("Tab"); // country
  expect(await focusedLabel()).toBe(L.country);
  await page.keyboard.type("Ireland");
  await expect(page.getByLabel(L.country)).toHaveValue("IE");
  await page.keyboard.press("Tab"); // address
  await page.keyboard.type("1 Main Street");
  // Through the recipients: untick the first official with the space bar (the embassy in Washington was unticked
  // for a supporter in Ireland).
  await expect(page.getByTestId("letter-previews").locator("> li")).toHaveCount(4);
  await page.keyboard.press("Tab");
  await page.keyboard.press("Space");
  await expect(page.getByTestId("letter-previews").locator("> li")).toHaveCount(3);
  // On to the PDF button, and open the PDF with Enter.
  let onButton = false;
  for (let i = 0; i < 20 && !onButton; i++) {
    await page.keyboard.press("Tab");
    onButton = await page.evaluate((name) => document.activeElement?.textContent === name, L.pdfShow);
  }
  expect(onButton).toBe(true);
  await page.keyboard.press("Enter");
  await expect(page.getByRole("link", { name: L.pdfDownload })).toBeVisible({ timeout: 20_000 });
  await page.keyboard.press("Tab");
  await expect(page.getByRole("link", { name: L.pdfDownload })).toBeFocused();
  const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
  const { pages } = await pdfPages(await fs.readFile(await download.path()));
  expect(pages.join(" ")).toContain("A. B.");
  expect(squash(pages.join(" "))).toContain("1 Main Street");
});

test("[LETTER] a supporter in Ireland gets the embassy in London ticked and the one in Washington unticked", async ({ page }) => {
  await openComposer(page);
  const london = page.getByRole("checkbox", { name: /Ambassador of the Republic of Kazakhstan to the United Kingdom/ });
  const washington = page.getByRole("checkbox", { name: /Magzhan Ilyassov/ });
  // Before a country is chosen, the campaign's own choice stands.
  await expect(london).toBeChecked();
  await expect(washington).toBeChecked();
  // Each embassy says whom it is for.
  await expect(page.locator("form.composer #recipient-kz-embassy-uk-serves")).toHaveText(L.serves.replace("{countries}", "United Kingdom and Ireland"));
  await expect(page.locator("form.composer #recipient-kz-embassy-us-serves")).toHaveText(L.serves.replace("{countries}", "United States"));

  await page.getByLabel(L.country).selectOption("IE");
  await expect(london).toBeChecked();
  await expect(washington).not.toBeChecked();
  await expect(page.getByTestId("served-note")).toHaveText(L.servedTicked.replace("{country}", "Ireland"));
  // The one left out is still there to tick by hand.
  await washington.check();
  await expect(page.getByTestId("letter-previews").locator('> li[data-recipient="kz-embassy-us"]')).toHaveCount(1);

  // A supporter in the United States gets the embassy in Washington instead.
  await page.getByLabel(L.country).selectOption("US");
  await expect(washington).toBeChecked();
  await expect(london).not.toBeChecked();
});

test("[LETTER] a letter to an ambassador asks them to convey the concerns", async ({ page }) => {
  await openComposer(page);
  await fillDetails(page);
  const previews = page.getByTestId("letter-previews");
  const toLondon = previews.locator('> li[data-recipient="kz-embassy-uk"]');
  const toPresident = previews.locator('> li[data-recipient="kz-president"]');
  await toLondon.locator("summary").click();
  await expect(toLondon).toContainText("I ask you to convey these concerns to the authorities in Astana");
  // The President is asked to act himself; nobody is asked for what they cannot do.
  await expect(toPresident).toContainText("I respectfully urge you to:");
  await expect(toPresident).not.toContainText("convey these concerns");
  // Members of parliament are asked to raise the case; the Minister keeps the call to the Government.
  await page.getByRole("checkbox", { name: /Michael Chong/ }).check();
  const toChong = previews.locator('> li[data-recipient="ca-mp-chong"]');
  await toChong.locator("summary").click();
  await expect(toChong).toContainText("raise it with the Minister of Foreign Affairs");
  await expect(toChong).not.toContainText("I respectfully ask that the Government of Canada");
  const toMinister = previews.locator('> li[data-recipient="ca-minister-foreign-affairs"]');
  await toMinister.locator("summary").click();
  await expect(toMinister).toContainText("I respectfully ask that the Government of Canada");
  // Every letter invites a reply and says who wrote it, and from where.
  for (const letter of [toLondon, toPresident, toChong, toMinister]) {
    await expect(letter).toContainText("I would be grateful for your reply.");
    await expect(letter.locator(".letter-preview__body p").last()).toHaveText(/Әсем Қайратқызы Нұрланова\s*Cork, Ireland/);
  }

  // The PDF says the same to the ambassador.
  const pdf = await page.request.post("/api/v1/letters/preview", {
    headers: { accept: "application/pdf" },
    data: { campaign: DNC_SLUG, supporter: { name: "Әсем Нұрланова", email: "asem@example.org", city: "Cork", country: "IE" }, recipients: ["kz-embassy-uk"] },
  });
  expect(pdf.status()).toBe(200);
  const { pages } = await pdfPages(await pdf.body());
  expect(squash(pages.join(" "))).toContain("I ask you to convey these concerns to the authorities in Astana");
});

test("[LETTER] on an English page, a supporter who chooses French letters gets the Canadian ones in French", async ({ page }) => {
  // The page carries the letters of its own language only: the French template comes with the composer's code.
  const html = await (await page.request.get(`/c/${DNC_SLUG}?lang=en`)).text();
  expect(html).toContain("I am writing to you from");
  expect(html).not.toContain("Je vous écris depuis");
  await openComposer(page);
  await fillDetails(page);
  await page.getByLabel(L.language).selectOption("fr");
  const previews = page.getByTestId("letter-previews");
  await expect(previews.locator('> li[data-recipient="ca-minister-foreign-affairs"]')).toContainText("Je vous écris depuis Cork");
  // The Kazakh authorities have no French letter: theirs stays in English, and says so.
  await expect(previews.locator('> li[data-recipient="kz-embassy-uk"]')).toHaveAttribute("lang", "en");
  await page.getByLabel(L.language).selectOption("en");
  await expect(previews.locator('> li[data-recipient="ca-minister-foreign-affairs"]')).toContainText("I am writing to you from Cork");
});

test("[LETTER] a Russian letter names the President in Cyrillic", async ({ page }) => {
  await openComposer(page, DNC_SLUG, "ru");
  await page.getByLabel(ru.letter.name).fill("Айгерим Бек");
  await page.getByLabel(ru.letter.city).fill("Алматы");
  await page.getByLabel(ru.letter.country).selectOption("KZ");
  await page.getByLabel(ru.letter.language).selectOption("ru");
  // The picker, on a Russian page, names him in Cyrillic too.
  await expect(page.getByRole("checkbox", { name: /Касым-Жомарт Токаев/ })).toBeChecked();
  // A supporter in Kazakhstan is told what writing can cost there, and to sign with initials.
  await expect(page.getByTestId("safety-kz").first()).toHaveText(ru.letter.safetyKz);

  const pdf = await page.request.post("/api/v1/letters/preview", {
    headers: { accept: "application/pdf" },
    data: { campaign: DNC_SLUG, language: "ru", supporter: { name: "Айгерим Бек", email: "a@example.org", city: "Алматы", country: "KZ" }, recipients: ["kz-president"] },
  });
  expect(pdf.status()).toBe(200);
  const { pages } = await pdfPages(await pdf.body());
  const text = squash(pages.join(" "));
  // On the envelope window: his name as written in Russian, not in Latin letters. (unpdf's text layer reads "и"
  // from this font as a quote mark, so the check sticks to words without one; the preview shows the salutation.)
  expect(text).toContain("Касым-Жомарт Токаев");
  expect(text).not.toContain("Kassym-Jomart Tokayev");
  await expect(page.getByTestId("letter-previews").locator('> li[data-recipient="kz-president"]')).toContainText("Уважаемый господин Президент!");
});
