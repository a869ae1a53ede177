import { expect, test } from "@playwright/test";
import { oneCampaignerPerFile } from "../fixtures/admin";
import { expectNoSeriousAxe } from "../fixtures/axe";
import { DNC_SLUG, FLD_SLUG } from "../fixtures/seed-facts";
import { importFictionalCampaign } from "./fictional-content";

/** One editor for the whole file (signed in once: see oneCampaignerPerFile). */
const editor = oneCampaignerPerFile("editor");

test("[ADMIN] the campaigns list shows every campaign, the closed one marked, with counts and links", async () => {
  const { page } = editor;
  await page.goto("/admin/campaigns");
  const list = page.getByTestId("campaign-list");
  await expect(list.locator(`tr[data-slug="${DNC_SLUG}"]`)).toContainText("live");
  const closed = list.locator(`tr[data-slug="${FLD_SLUG}"]`);
  await expect(closed).toHaveClass(/row--closed/);
  await expect(closed).toContainText("closed");
  await expect(closed.getByRole("link", { name: `History of ${FLD_SLUG}` })).toHaveAttribute("href", `/admin/history?entity=campaign&key=${FLD_SLUG}`);
  await expect(list.locator(`tr[data-slug="${DNC_SLUG}"]`).getByRole("link", { name: `Templates of ${DNC_SLUG}` })).toHaveAttribute("href", `/admin/campaigns/${DNC_SLUG}/templates`);
  await expectNoSeriousAxe(page);
});

/**
 * On a fictional paused campaign imported for this test: paused keeps the public page (so the edit can be seen
 * there) but stays off the home page and the public list, which other specs count.
 */
test("[ADMIN] a campaigner edits the case status and the public page shows it on the next request; a bad field is named and nothing typed is lost", async () => {
  const { page } = editor;
  const fictional = await importFictionalCampaign(page, "paused");
  await page.goto(`/c/${fictional.slug}`);
  await expect(page.getByText(fictional.caseStatus)).toBeVisible();

  await page.goto(`/admin/campaigns/${fictional.slug}`);
  await expectNoSeriousAxe(page);
  const edited = `Fictional update typed at ${Date.now()}: still nothing real.`;
  await page.getByLabel("Case status (English)").fill(edited);
  // The status offers only the lifecycle's moves from paused: live and closed, never draft.
  await expect(page.getByLabel("Status", { exact: true }).locator("option")).toHaveText(["paused (now)", "live", "closed"]);

  // An impossible date is refused in the browser, next to its field, by the files' own schema.
  const asOf = page.getByLabel("Case status as of");
  await asOf.fill("2026-02-30");
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(asOf).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".field--invalid", { has: asOf }).locator(".field__error")).toHaveText("expected a date written YYYY-MM-DD");
  await expect(page.getByTestId("problem-summary")).toContainText("campaign.caseStatus.asOf");
  await expect(page.getByLabel("Case status (English)")).toHaveValue(edited);

  await asOf.fill("2026-12-02");
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Saved: published as version 2");

  await page.goto(`/c/${fictional.slug}`);
  await expect(page.getByText(edited)).toBeVisible();
  await expect(page.getByText(fictional.caseStatus)).toHaveCount(0);
});

test("[ADMIN] going live without a template in the default language is refused next to the audience, and the edit stays", async () => {
  const { page } = editor;
  const fictional = await importFictionalCampaign(page, "draft");
  await page.goto(`/admin/campaigns/${fictional.slug}`);
  const audience = page.getByTestId("audience-0");
  await audience.getByLabel("Default language").selectOption("fr");
  await page.getByLabel("Status", { exact: true }).selectOption("live");
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(audience.locator(".field__error").first()).toContainText("publish a letter template in fr");
  await expect(page.getByTestId("problem-summary")).toContainText("campaign.audiences.0");
  await expect(audience.getByLabel("Default language")).toHaveValue("fr");
  await expect(page.getByLabel("Status", { exact: true })).toHaveValue("live");
});

test("[ADMIN] sending on hold is its own switch, and the export downloads the content as a zip", async () => {
  const { page } = editor;
  const fictional = await importFictionalCampaign(page, "paused");
  await page.goto(`/admin/campaigns/${fictional.slug}`);
  const held = page.getByRole("switch", { name: "Sending on hold" });
  await expect(held).not.toBeChecked();
  await held.check();
  await expect(page.getByText("Sending is on hold")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("switch", { name: "Sending on hold" })).toBeChecked();

  await page.goto("/admin/campaigns/import-export");
  await expectNoSeriousAxe(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download the content (.zip)" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^urgent-letters-content-\d{4}-\d{2}-\d{2}\.zip$/);
});
