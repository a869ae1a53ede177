import fs from "node:fs";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import { expectNoSeriousAxe } from "../fixtures/axe";
import { OWNER_EMAIL, OWNER_STATE } from "../fixtures/admin";
import { CATALOG, confirmationLink, linkFromCapturedMail } from "../fixtures/journey";
import { withBotCheck } from "../../test/bot-check";
import { importFictionalCampaign, type TFictional } from "./fictional-content";

/**
 * The case lifecycle (issue 11), each test on a fictional live campaign of its own so the seeded campaigns stay as
 * other specs expect: closing cancels the queue and shows the outcome, an update is emailed in the supporter's
 * language with a working one-click unsubscribe, and test mode sends the letters to the campaigner only.
 */
const SHOTS = "/tmp/lifecycle-shots";
fs.mkdirSync(SHOTS, { recursive: true });


async function shoot(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.screenshot({ path: `${SHOTS}/${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

let stamp = 0;
const supporterEmail = (who: string) => `${who}-${process.pid}-${Date.now().toString(36)}-${stamp++}@example.org`;

/** A supporter's submission through the public API, with the bot check solved as the composer does. */
async function submit(request: APIRequestContext, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return request.post("/api/v1/actions", { data: await withBotCheck(request, body), headers });
}

function letterBody(f: TFictional, email: string, name: string, delivery: "email" | "mailto", extra: Record<string, unknown> = {}) {
  return { campaign: f.slug, supporter: { name, email, city: "Exampleville", country: "FR" }, recipients: [f.recipientId], delivery, ...extra };
}

async function ownerPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ storageState: OWNER_STATE });
  return context.newPage();
}

test("[ADMIN] closing a campaign cancels its queue and shows the outcome on the case page", async ({ browser, playwright }) => {
  const page = await ownerPage(browser);
  const fictional = await importFictionalCampaign(page, "live");
  // Sending on hold, so the confirmed letter stays in the queue until the close.
  expect((await page.request.put(`/api/admin/campaigns/${fictional.slug}/sending-held`, { data: { held: true } })).status()).toBe(200);

  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const email = supporterEmail("closing");
  const submitted = await submit(anonymous, letterBody(fictional, email, "Fictional Closer", "email"));
  expect(submitted.status(), await submitted.text()).toBe(202);
  const { id } = (await submitted.json()) as { id: string };
  await page.goto(await confirmationLink(page, email));
  await page.getByRole("button", { name: CATALOG.en.confirm.pageButton }).click();
  await expect.poll(async () => ((await (await anonymous.get(`/api/v1/actions/${id}`)).json()) as { letters: { status: string }[] }).letters.map((l) => l.status)).toEqual(["queued"]);

  await page.goto(`/admin/campaigns/${fictional.slug}`);
  await page.getByRole("link", { name: "Close the campaign…" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/campaigns/${fictional.slug}/close$`));
  await expect(page.getByTestId("close-queue")).toContainText("1 letter queued, 0 held: it will be cancelled and not sent.");
  await expectNoSeriousAxe(page);

  // A closing update without its source is refused beside the field, nothing closed.
  const outcome = "Fictional outcome: the fictional person was released on 1 December 2026.";
  await page.getByLabel("Outcome (English)").fill(outcome);
  await page.getByRole("button", { name: "Close the campaign" }).click();
  await expect(page.getByText("record the source")).toBeVisible();
  await page.getByLabel("Source", { exact: true }).fill("Made up for a browser test");
  await shoot(page, "close-page");
  await page.getByRole("button", { name: "Close the campaign" }).click();
  await expect(page.getByTestId("close-status")).toContainText("Closed. 1 letter was cancelled.");

  // The letter was cancelled, not sent; the case page shows the outcome and no form.
  const status = (await (await anonymous.get(`/api/v1/actions/${id}`)).json()) as { letters: { status: string }[] };
  expect(status.letters.map((l) => l.status)).toEqual(["cancelled"]);
  await page.goto(`/c/${fictional.slug}?lang=en`);
  const block = page.locator("#case-status");
  await expect(block).toContainText(CATALOG.en.campaign.status_closed);
  await expect(block.locator(".update").first()).toContainText(outcome);
  await expect(page.getByRole("heading", { name: CATALOG.en.campaign.writeHeading })).toHaveCount(0);
  // A letter for it now is refused (409), and the queue stays empty.
  const late = await submit(anonymous, letterBody(fictional, supporterEmail("late"), "Fictional Late", "email"));
  expect(late.status()).toBe(409);

  // An owner can reopen it (paused: the page back, no form yet).
  await page.goto(`/admin/campaigns/${fictional.slug}`);
  await page.getByRole("button", { name: "Reopen, paused" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText("paused");
  await anonymous.dispose();
  await page.context().close();
});

test("[ADMIN] an update is emailed in French to a French supporter who asked for news, and the unsubscribe link works", async ({ browser, playwright }) => {
  const page = await ownerPage(browser);
  const fictional = await importFictionalCampaign(page, "live");
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const email = supporterEmail("camille");
  // Written from the French page (the page language is the request's), asking for news.
  const submitted = await submit(anonymous, letterBody(fictional, email, "Camille Fictive", "mailto", { consent: { updates: true } }), { "accept-language": "fr-FR,fr;q=0.9" });
  expect(submitted.status(), await submitted.text()).toBe(202);
  // Another supporter who did not ask for news gets nothing.
  const silent = supporterEmail("silent");
  expect((await submit(anonymous, letterBody(fictional, silent, "Fictional Silent", "mailto"), { "accept-language": "fr" })).status()).toBe(202);

  await page.goto(`/admin/campaigns/${fictional.slug}`);
  const form = page.locator("form", { has: page.getByRole("heading", { name: "Post an update" }) });
  await form.getByLabel("Update (English)").fill("Fictional update: the fictional hearing was postponed.");
  await form.getByLabel("Update (Français)").fill("Nouvelle fictive : l’audience fictive a été reportée.");
  await form.getByLabel("Source").fill("Made up for a browser test");
  await form.getByLabel("Email it to the 1 supporter who asked for news").check();
  await shoot(page, "update-form");
  await expectNoSeriousAxe(page);
  await form.getByRole("button", { name: "Post the update" }).click();
  await expect(page.getByTestId("update-status")).toContainText("Posted: it shows on the case page now. Emailed to 1 supporter.");

  // On the case page at once, in French for a French reader.
  await page.goto(`/c/${fictional.slug}?lang=fr`);
  await expect(page.locator("#case-status .update").first()).toContainText("l’audience fictive a été reportée");

  // The email: in French, with List-Unsubscribe (https and mailto) and List-Unsubscribe-Post.
  const link = await linkFromCapturedMail(page, email, "news", /https?:\/\/\S+\/u\/[A-Za-z0-9_-]+\?lang=fr/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Nouvelles : A fictional campaign for tests`);
  const text = page.getByTestId("mail-text");
  await expect(text).toContainText("Bonjour Camille Fictive,");
  await expect(text).toContainText("Nouvelle fictive : l’audience fictive a été reportée.");
  await expect(text).toContainText("Source : Made up for a browser test");
  const list = page.locator('[data-header="list"]');
  await expect(list).toContainText(link.replace(/\?lang=fr$/, ""));
  // The mailto (the parser shows it without its scheme).
  await expect(list).toContainText(`"mail":"letters@urgent-letters.localhost?subject=unsubscribe%20${fictional.slug}"`);
  await expect(list).toContainText("List-Unsubscribe=One-Click");
  await page.screenshot({ path: `${SHOTS}/update-email-1280.png`, fullPage: true });
  await page.goto("/dev/mail");
  await expect(page.locator("tr", { hasText: silent }).filter({ hasText: "news" })).toHaveCount(0);

  // Opening the link changes nothing (mail scanners open links): a page with a button, in French.
  await page.goto(link);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(CATALOG.fr.unsubscribe.title);
  const admin = await page.context().newPage();
  await admin.goto(`/admin/campaigns/${fictional.slug}`);
  await expect(admin.getByText("Email it to the 1 supporter who asked for news")).toBeVisible();
  await admin.close();
  await shoot(page, "unsubscribe-page");
  await expectNoSeriousAxe(page);
  await page.getByRole("button", { name: CATALOG.fr.unsubscribe.button }).click();
  await expect(page.getByTestId("unsubscribe-done")).toContainText("C’est fait");

  // The one-click POST a mail app sends answers too, and nobody is left to email.
  const again = await anonymous.post(link, { form: { "List-Unsubscribe": "One-Click" }, maxRedirects: 0 });
  expect(again.status()).toBe(303);
  await page.goto(`/admin/campaigns/${fictional.slug}`);
  await expect(page.getByText("Email it to the 0 supporters who asked for news")).toBeVisible();
  await anonymous.dispose();
  await page.context().close();
});

test("[ADMIN] test mode sends the letter to the campaigner only", async ({ browser, playwright }) => {
  const page = await ownerPage(browser);
  const fictional = await importFictionalCampaign(page, "live");
  await page.goto(`/admin/campaigns/${fictional.slug}`);
  await page.getByRole("switch", { name: "Test mode" }).check();
  await expect(page.getByText("Test mode is on")).toBeVisible();

  await page.goto(`/c/${fictional.slug}?lang=en`);
  await expect(page.getByTestId("test-mode")).toContainText(CATALOG.en.campaign.testMode);

  // A supporter is refused, with a code to translate.
  const anonymous = await playwright.request.newContext({ baseURL: test.info().project.use.baseURL });
  const refused = await submit(anonymous, letterBody(fictional, supporterEmail("outsider"), "Fictional Outsider", "email"));
  expect(refused.status()).toBe(409);
  expect(refused.headers()["content-type"]).toContain("application/problem+json");
  expect(((await refused.json()) as { errors: { code: string }[] }).errors[0]!.code).toBe("validation.campaignTestMode");

  // The signed-in campaigner writes (with any supporter details), confirms, and the letter comes to them.
  const email = supporterEmail("tester");
  const submitted = await submit(page.request, letterBody(fictional, email, "Fictional Tester", "email"));
  expect(submitted.status(), await submitted.text()).toBe(202);
  await page.goto(await confirmationLink(page, email));
  await page.getByRole("button", { name: CATALOG.en.confirm.pageButton }).click();

  const row = page.locator("tr", { hasText: OWNER_EMAIL }).filter({ hasText: "[TEST] A fictional letter" });
  await expect(async () => {
    await page.goto("/dev/mail");
    await expect(row).toHaveCount(1, { timeout: 500 });
  }).toPass({ timeout: 30_000 });
  await expect(row).toContainText("letter");
  // Nothing reached the official, and the letter does not count on the public page.
  await expect(page.locator("tr", { hasText: fictional.recipientEmail })).toHaveCount(0);
  await row.getByRole("link").click();
  await expect(page.locator('[data-header="to"]')).toHaveText(OWNER_EMAIL);
  await page.goto(`/c/${fictional.slug}?lang=en`);
  await expect(page.getByTestId("letter-count")).toHaveText(CATALOG.en.tally.none);
  await anonymous.dispose();
  await page.context().close();
});
