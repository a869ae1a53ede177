import { expect, test } from "@playwright/test";
import { CATALOG, type TLang } from "../fixtures/journey";
import { DNC_SLUG } from "../fixtures/seed-facts";
import { withBotCheck } from "../../test/bot-check";

for (const lang of ["en", "ru"] as const satisfies TLang[]) {
  const M = CATALOG[lang];
  test(`[SITE] a case page has its icon, its share card and share links (${lang})`, async ({ page, request }) => {
    await page.goto(`/c/${DNC_SLUG}?lang=${lang}`);
    // Icons served by the app itself.
    for (const rel of ["icon", "apple-touch-icon"]) {
      const href = await page.locator(`link[rel="${rel}"]`).first().getAttribute("href");
      const icon = await request.get(href!);
      expect(icon.status(), rel).toBe(200);
      expect(icon.headers()["content-type"]).toMatch(/^image\//);
    }
    // Open Graph and Twitter cards, with a generated image on this site.
    const title = (await page.getByRole("heading", { level: 1 }).innerText()).trim();
    await expect(page.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
    await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute("content", "summary_large_image");
    const image = (await page.locator('meta[property="og:image"]').getAttribute("content"))!;
    expect(new URL(image).origin).toBe(new URL(page.url()).origin);
    const card = await request.get(image);
    expect(card.status()).toBe(200);
    expect(card.headers()["content-type"]).toBe("image/png");
    expect((await card.body()).subarray(1, 4).toString()).toBe("PNG");

    // After writing, the thank-you page offers plain share links and a message to paste into Signal.
    const action = await request.post("/api/v1/actions", {
      data: await withBotCheck(request, { campaign: DNC_SLUG, supporter: { name: "Share Test", city: "Ottawa", country: "CA" }, recipients: ["kz-president"], delivery: "post" }),
    });
    await page.goto(`/c/${DNC_SLUG}/thanks?action=${(await action.json()).id}&lang=${lang}`);
    const share = page.locator(".share");
    const caseUrl = encodeURIComponent(new URL(`/c/${DNC_SLUG}`, page.url()).toString());
    await expect(share.getByRole("link", { name: M.share.whatsapp })).toHaveAttribute("href", new RegExp(`^https://wa\\.me/\\?text=.*${caseUrl}`));
    await expect(share.getByRole("link", { name: M.share.telegram })).toHaveAttribute("href", new RegExp(`^https://t\\.me/share/url\\?url=${caseUrl}`));
    await expect(share.getByRole("link", { name: M.share.x })).toHaveAttribute("href", new RegExp(`^https://x\\.com/intent/post\\?.*url=${caseUrl}`));
    await expect(share.getByRole("link", { name: M.share.facebook })).toHaveAttribute("href", `https://www.facebook.com/sharer/sharer.php?u=${caseUrl}`);
    await expect(share.getByRole("link", { name: M.share.email, exact: true })).toHaveAttribute("href", /^mailto:\?subject=/);
    await expect(page.getByTestId("share-message")).toHaveValue(new RegExp(`${title.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.*/c/${DNC_SLUG}`));
    // No letters sent yet in the campaign must not be said under "thank you".
    const none = /=0 \{([^}]*)\}/.exec(M.thanks.counter)![1]!;
    await expect(page.locator("main")).not.toContainText(none);
  });
}

test("[SITE] the captured mail is readable on a phone", async ({ browser, request }) => {
  const email = `a.rather.long.address.${Date.now()}@example.org`;
  const sent = await request.post("/api/v1/actions", {
    data: await withBotCheck(request, { campaign: DNC_SLUG, supporter: { name: "Phone Reader", email, city: "Ottawa", country: "CA" }, recipients: ["ca-mp-chong"], delivery: "email" }),
  });
  expect(sent.status()).toBe(202);
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  try {
    await page.goto("/dev/mail");
    await expect(async () => {
      await page.reload();
      await expect(page.getByText(email)).toBeVisible({ timeout: 500 });
    }).toPass({ timeout: 20_000 });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.getByText(email).locator("xpath=ancestor::tr").getByRole("link").click();
    await expect(page.getByTestId("mail-text")).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  } finally {
    await context.close();
  }
});
