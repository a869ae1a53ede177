import fs from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoSeriousAxe } from "../fixtures/axe";
import { OWNER_STATE } from "../fixtures/admin";
import { withBotCheck } from "../../test/bot-check";
import { importFictionalCampaign } from "./fictional-content";

const SHOTS = "/tmp/lifecycle-shots";
fs.mkdirSync(SHOTS, { recursive: true });


/**
 * On a fictional live campaign of its own: two letters previewed, written and sent from the supporter's own mail
 * app today, one more written and not sent; the numbers page counts them for today, in the chart, the funnel and
 * the breakdowns, and the CSV says the same. No supporter's name or address appears anywhere on it.
 */
test("[ADMIN] the numbers page shows today's letters", async ({ browser, playwright }) => {
  const context = await browser.newContext({ storageState: OWNER_STATE });
  const page = await context.newPage();
  const fictional = await importFictionalCampaign(page, "live");
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const names = ["Fictional Counted One", "Fictional Counted Two", "Fictional Unsent"];
  for (const [i, name] of names.entries()) {
    const letter = { campaign: fictional.slug, supporter: { name, email: `numbers-${i}-${Date.now()}@example.org`, city: "Exampleville", country: "CA" }, recipients: [fictional.recipientId] };
    expect((await anonymous.post("/api/v1/letters/preview", { data: letter })).status()).toBe(200);
    const submitted = await anonymous.post("/api/v1/actions", { data: await withBotCheck(anonymous, { ...letter, delivery: "mailto" }) });
    expect(submitted.status(), await submitted.text()).toBe(202);
    if (i === 2) continue;
    const { id } = (await submitted.json()) as { id: string };
    const status = (await (await anonymous.get(`/api/v1/actions/${id}`)).json()) as { letters: { id: string }[] };
    expect((await anonymous.post(`/api/v1/actions/${id}/letters/${status.letters[0]!.id}/done`)).status()).toBe(200);
  }

  await page.goto("/admin/numbers");
  await page.locator(`a[href="/admin/numbers/${fictional.slug}"]`).click();
  await expect(page).toHaveURL(new RegExp(`/admin/numbers/${fictional.slug}$`));
  await expect(page.getByTestId("letters-today")).toHaveText("2 letters sent today");
  const today = new Date().toISOString().slice(0, 10);
  await expect(page.locator(`[data-testid="sent-per-day-chart"] g[data-day="${today}"]`)).toHaveAttribute("data-count", "2");
  await expect(page.getByTestId("sent-per-day-chart").locator("title").first()).toHaveText("Letters sent per day");
  const funnel = page.getByTestId("funnel");
  await expect(funnel.locator('[data-step="previews"] .numbers-funnel__value')).toHaveText("3");
  await expect(funnel.locator('[data-step="submissions"] .numbers-funnel__value')).toHaveText("3");
  await expect(funnel.locator('[data-step="sent"] .numbers-funnel__value')).toHaveText("2");
  await expect(page.getByTestId("by-channel")).toContainText("from the supporter's mail app");
  await expect(page.getByTestId("by-recipient")).toContainText("Minister of Examples (fictional)");
  await expect(page.getByTestId("by-partner")).toContainText("directly on the site");
  // The table behind the chart, for whoever does not see it.
  await page.getByText("The figures as a table").click();
  await expect(page.getByTestId("sent-per-day-table").locator("tr", { hasText: today })).toContainText("2");
  for (const name of names) await expect(page.getByText(name)).toHaveCount(0);
  await expectNoSeriousAxe(page);
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/numbers-${width}.png`, fullPage: true });
  }

  const csv = await page.request.get(`/api/admin/numbers/${fictional.slug}/csv`);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const text = await csv.text();
  expect(text).toContain(`sent per day,${today},${today},2`);
  expect(text).toContain("funnel,previews,previews,3");
  for (const name of names) expect(text).not.toContain(name);
  // The owner's export of the news subscribers: nobody here asked for news, so only the header line.
  const subscribers = await page.request.get(`/api/admin/numbers/${fictional.slug}/subscribers`);
  expect(subscribers.status()).toBe(200);
  expect((await subscribers.text()).replace(/^\uFEFF/, "").trim()).toBe("name,email,language,consent_date");
  await anonymous.dispose();
  await context.close();
});
