import { expect, test } from "@playwright/test";
import { confirmationLink, pageWithoutScript, type TLang } from "../fixtures/journey";
import { DNC_SLUG, FLD_SLUG } from "../fixtures/seed-facts";
import { withBotCheck } from "../../test/bot-check";

for (const lang of ["en", "fr"] as const satisfies TLang[]) {
  test(`[SITE] no form on any page submits with GET (${lang})`, async ({ browser, page, request }) => {
    // An action to print and one to confirm by email, so that their pages have their forms.
    const post = await request.post("/api/v1/actions", {
      data: await withBotCheck(request, { campaign: DNC_SLUG, supporter: { name: "Form Check", city: "Ottawa", country: "CA" }, recipients: ["kz-president"], delivery: "post" }),
    });
    expect(post.status()).toBe(202);
    const email = `forms.${lang}.${Date.now()}@example.org`;
    const byEmail = await request.post("/api/v1/actions", {
      data: await withBotCheck(request, { campaign: DNC_SLUG, supporter: { name: "Form Check", email, city: "Ottawa", country: "CA" }, recipients: ["ca-mp-chong"], delivery: "email" }),
    });
    expect(byEmail.status()).toBe(202);
    const link = await confirmationLink(page, email);
    const pages = [
      "/",
      `/c/${DNC_SLUG}`,
      `/c/${FLD_SLUG}`,
      `/c/${DNC_SLUG}/thanks?action=${(await post.json()).id}`,
      new URL(link).pathname,
      "/confirm-result?reason=expired",
      "/privacy",
      "/dev/mail",
    ];
    // Without JavaScript the markup is all there is: every form must say POST itself.
    const { page: plain, close } = await pageWithoutScript(browser);
    try {
      let forms = 0;
      for (const path of pages) {
        const response = await plain.goto(`${path}${path.includes("?") ? "&" : "?"}lang=${lang}`);
        expect(response?.status(), path).toBe(200);
        await expect(plain.locator("html")).toHaveAttribute("lang", lang);
        const methods = await plain.locator("form").evaluateAll((all) => all.map((f) => (f.getAttribute("method") ?? "get").toLowerCase()));
        expect(methods.filter((m) => m !== "post"), `forms with GET on ${path}`).toEqual([]);
        forms += methods.length;
      }
      // The composer (the FLD campaign is closed: no form there), the confirmation button and "I have posted it" at least.
      expect(forms).toBeGreaterThanOrEqual(3);
    } finally {
      await close();
    }
  });
}
