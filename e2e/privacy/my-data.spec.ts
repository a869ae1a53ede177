import { readFile } from "node:fs/promises";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import en from "../../lib/i18n/messages/en.json" with { type: "json" };
import fr from "../../lib/i18n/messages/fr.json" with { type: "json" };
import kk from "../../lib/i18n/messages/kk.json" with { type: "json" };
import { DNC_SLUG } from "../fixtures/seed-facts";
import { linkFromCapturedMail } from "../fixtures/journey";
import { withBotCheck } from "../../test/bot-check";

/** No serious or critical WCAG 2.1 AA violation on the page as it stands. */
async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

/** The data link, read from the mail the app captured. */
function dataLink(page: Page, email: string): Promise<string> {
  return linkFromCapturedMail(page, email, "my-data", /https?:\/\/\S+\/privacy\/my-data\/[A-Za-z0-9_-]+/);
}

for (const [language, M] of [
  ["en", en],
  ["kk", kk],
] as const) {
  test(`[PRIVACY] a supporter asks for their data by email, downloads it and deletes it (${language})`, async ({ page }) => {
    const stamp = `${Date.now()}${language}`;
    const email = `marie.${stamp}@example.org`;
    // The supporter wrote twice: by email (still waiting for confirmation) and a letter to post.
    for (const [delivery, recipients] of [
      ["email", ["ca-mp-chong"]],
      ["post", ["kz-president"]],
    ] as const) {
      const answer = await page.request.post("/api/v1/actions", {
        data: await withBotCheck(page.request, {
          campaign: DNC_SLUG,
          supporter: { name: `Marie Tremblay ${stamp}`, email, city: "Montréal", country: "CA" },
          personalNote: "Please act for her.",
          recipients,
          delivery,
        }),
      });
      expect(answer.status()).toBe(202);
    }

    // From the privacy page, as a supporter would find it.
    await page.goto(`/privacy?lang=${language}`);
    await page.getByRole("link", { name: M.privacy.selfServiceLink }).click();
    await expect(page).toHaveURL(/\/privacy\/my-data$/);
    await expect(page.getByRole("heading", { level: 1, name: M.myData.title })).toBeVisible();
    // A bad address gets its message under the field, in the page's language.
    await page.getByLabel(M.myData.emailLabel).fill("not an address");
    await page.getByRole("button", { name: M.myData.submit }).click();
    await expect(page.getByText(M.validation.email)).toBeVisible();
    await expectAccessible(page);
    // The same mailbox spelled with capitals.
    await page.getByLabel(M.myData.emailLabel).fill(email.toUpperCase());
    await page.getByRole("button", { name: M.myData.submit }).click();
    await expect(page.getByRole("heading", { name: M.myData.sentTitle })).toBeVisible();
    expect(page.url()).not.toContain("example.org");
    expect(page.url().toLowerCase()).not.toContain("marie");

    const link = await dataLink(page, email);
    // Opening the link only shows: deleting takes the button.
    expect((await page.request.get(link)).status()).toBe(200);
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: M.myData.viewTitle })).toBeVisible();
    await expect(page.getByTestId("my-data-action")).toHaveCount(2);
    await expect(page.getByText(`Marie Tremblay ${stamp}`).first()).toBeVisible();
    await expect(page.getByText("Please act for her.").first()).toBeVisible();
    await expect(page.getByTestId("my-data-letter")).toHaveCount(2);
    // The emails sent to the address are listed: the confirmation and this link's.
    await expect(page.getByTestId("my-data-mail").locator("li")).toHaveCount(2);
    await expectAccessible(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: M.myData.download }).click()]);
    const data = JSON.parse(await readFile((await download.path())!, "utf8"));
    expect(data.mailbox).toBe(email);
    expect(data.actions).toHaveLength(2);
    expect(data.actions.map((a: { delivery: string }) => a.delivery).sort()).toEqual(["email", "post"]);
    expect(JSON.stringify(data.actions)).toContain(`Marie Tremblay ${stamp}`);
    expect(data.capturedMail.map((m: { kind: string }) => m.kind).sort()).toEqual(["confirmation", "my-data"]);
    // No live token in the file: neither this link's nor the confirmation's (a file may be passed on).
    expect(JSON.stringify(data)).not.toContain(link.split("/").pop()!);
    expect(JSON.stringify(data)).not.toMatch(/\/confirm\/[A-Za-z0-9_-]{20,}/);

    // Without ticking the box, nothing is deleted and the page says why.
    const unticked = await page.request.post(`${link}/delete`, { form: { other: "x" } });
    expect(unticked.url()).toContain("missing=confirm");
    expect(await unticked.text()).toContain(M.myData.deleteConfirmMissing);

    await page.getByLabel(M.myData.deleteConfirm).check();
    await page.getByRole("button", { name: M.myData.deleteButton }).click();
    await expect(page).toHaveURL(/\/privacy\/my-data\/deleted$/);
    await expect(page.getByRole("heading", { level: 1, name: M.myData.deletedTitle })).toBeVisible();

    // The link no longer works, and the mail kept for the address is gone.
    await page.goto(link);
    await expect(page.getByRole("heading", { level: 1, name: M.myData.invalidTitle })).toBeVisible();
    await page.goto("/dev/mail");
    await expect(page.locator("tr", { hasText: email })).toHaveCount(0);
  });
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("[PRIVACY] the request form works without JavaScript, and says the same for an unknown address", async ({ page }) => {
    await page.goto("/privacy/my-data?lang=fr");
    await page.getByLabel(fr.myData.emailLabel).fill("pas une adresse");
    await page.getByRole("button", { name: fr.myData.submit }).click();
    await expect(page.getByText(fr.validation.email)).toBeVisible();
    // An address nobody wrote from gets the same answer as a known one (and its owner gets a link to an empty page).
    const email = `nobody.${Date.now()}@example.org`;
    await page.getByLabel(fr.myData.emailLabel).fill(email);
    await page.getByRole("button", { name: fr.myData.submit }).click();
    await expect(page.getByRole("heading", { name: fr.myData.sentTitle })).toBeVisible();
    expect(page.url()).not.toContain("example.org");
    const link = await dataLink(page, email);
    await page.goto(link);
    await expect(page.getByTestId("my-data-nothing")).toHaveText(fr.myData.nothing);
  });
});
