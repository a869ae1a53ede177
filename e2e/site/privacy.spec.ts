import { expect, test } from "@playwright/test";
import { CATALOG, type TLang } from "../fixtures/journey";

for (const lang of ["en", "kk"] as const satisfies TLang[]) {
  const M = CATALOG[lang];
  test(`[SITE] the privacy page names the operator, what is kept and how to have it deleted (${lang})`, async ({ page }) => {
    await page.goto(`/?lang=${lang}`);
    await page.getByRole("contentinfo").getByRole("link", { name: M.site.privacy }).click();
    await expect(page).toHaveURL(/\/privacy/);
    await expect(page.getByRole("heading", { level: 1, name: M.privacy.title })).toBeVisible();
    // The default operator and contact (ORGANISATION_NAME, and MAIL_FROM as ORGANISATION_CONTACT).
    await expect(page.locator("main")).toContainText(M.privacy.operator.replace("{organisation}", "Urgent Letters"));
    await expect(page.getByRole("main").getByRole("link", { name: "letters@urgent-letters.localhost" })).toHaveAttribute("href", "mailto:letters@urgent-letters.localhost");
    for (const key of ["storedTitle", "whoTitle", "howLongTitle", "deleteTitle"] as const) {
      await expect(page.getByRole("heading", { level: 2, name: M.privacy[key] })).toBeVisible();
    }
    // The footer no longer promises an email confirmation that print and mailto letters never have.
    await expect(page.getByRole("contentinfo")).not.toContainText(CATALOG.en.email.confirmButton);
    await expect(page.getByRole("contentinfo")).toHaveText(new RegExp(`^${M.site.footer}`));
  });
}
