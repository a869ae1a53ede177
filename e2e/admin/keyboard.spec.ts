import { expect, test, type Locator, type Page } from "@playwright/test";
import { campaignerPage } from "../fixtures/admin";
import { importFictionalCampaign } from "./fictional-content";

/**
 * The admin with the keyboard alone: after the first page is opened, this test never clicks and never jumps to a
 * field; it moves with Tab (and Shift+Tab), types, and presses Enter or Space, as a campaigner who cannot use a
 * pointer would. `tabTo` fails when Tab does not reach the element within a page's worth of stops, so an element
 * that only a mouse can reach (or a trap that holds the focus) fails the test.
 */
async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement || el.contains(document.activeElement));
}

async function tabTo(page: Page, target: Locator, { back = false, max = 250 } = {}): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
  }
  throw new Error(`Tab did not reach ${target} in ${max} presses`);
}

async function replaceText(page: Page, text: string): Promise<void> {
  await page.keyboard.press("Control+A");
  await page.keyboard.type(text);
}

test("[ADMIN] a campaigner edits a campaign, a recipient and a letter template with the keyboard alone", async ({ browser }) => {
  test.setTimeout(180_000);
  const { page } = await campaignerPage(browser, "editor");
  const fictional = await importFictionalCampaign(page, "draft");
  const stamp = Date.now().toString(36);

  // From the admin's front page: the navigation, then the campaign in the list.
  await page.goto("/admin");
  await tabTo(page, page.getByRole("navigation").getByRole("link", { name: "Campaigns", exact: true }));
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/admin\/campaigns$/);
  await tabTo(page, page.locator(`a[href="/admin/campaigns/${fictional.slug}"]`).first());
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/admin/campaigns/${fictional.slug}$`));

  // The campaign: a new summary, saved with Enter on the button.
  const summary = `Made up by a keyboard test ${stamp}.`;
  await tabTo(page, page.getByLabel("Summary (English)"));
  await replaceText(page, summary);
  await tabTo(page, page.getByRole("button", { name: "Save and publish" }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("save-status")).toContainText("Saved: published as version 2");

  // The letter template: the body editor takes the keyboard and gives it back (Tab leaves it: no trap).
  await page.goto(`/admin/campaigns/${fictional.slug}/templates/example-government/en`);
  const body = page.locator(".cm-content");
  await tabTo(page, body);
  await page.keyboard.press("Control+End");
  await page.keyboard.press("Enter");
  await page.keyboard.type(`Written with the keyboard ${stamp}.`);
  await expect(page.getByTestId("preview-text")).toContainText(`Written with the keyboard ${stamp}.`);
  await page.keyboard.press("Tab");
  expect(await isFocused(body)).toBe(false);
  await tabTo(page, page.getByRole("button", { name: "Save as draft" }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("save-status")).toContainText(/draft/i);
  await tabTo(page, page.getByRole("button", { name: "Publish", exact: true }), { back: true });
  await page.keyboard.press("Space");
  await expect(page.getByTestId("save-status")).toContainText("Published as version");

  // The recipient: found with the directory's search, opened, a note added and saved.
  await page.goto("/admin/recipients");
  await tabTo(page, page.getByLabel("Search the directory"));
  await page.keyboard.type(fictional.recipientId);
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\?q=/);
  await tabTo(page, page.locator(`a[href="/admin/recipients/${fictional.recipientId}"]`).first());
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/admin/recipients/${fictional.recipientId}$`));
  await tabTo(page, page.getByLabel("Notes"));
  await page.keyboard.type(`Checked with the keyboard ${stamp}.`);
  await tabTo(page, page.getByRole("button", { name: "Save and publish" }));
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("save-status")).toContainText("Saved");

  // What was saved is what was typed.
  await page.reload();
  await expect(page.getByLabel("Notes")).toHaveValue(`Checked with the keyboard ${stamp}.`);
  await page.context().close();
});
