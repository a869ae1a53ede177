import { expect, test } from "@playwright/test";
import { oneCampaignerPerFile } from "../fixtures/admin";
import { expectNoSeriousAxe } from "../fixtures/axe";
import { DNC_SLUG } from "../fixtures/seed-facts";
import { importFictionalCampaign } from "./fictional-content";

/** One editor for the whole file (signed in once: see oneCampaignerPerFile). */
const editor = oneCampaignerPerFile("editor");

/**
 * The new recipient joins the DNC case's "canada-government" audience, whose page every other spec shares (the e2e
 * server has one database for all tests, run in parallel). So it is added in the one way no other spec can notice:
 * at the end of the audience, not preselected (the composer leaves it unticked), with no servesCountries (the
 * composer ticks nobody for a supporter's country because of it), country CA and post only (e2e/api/public-api.spec
 * checks every Canadian recipient is in CA and writable by email only when listed in VERIFIED_EMAILS). No spec
 * counts the audience's recipients; they address the seeded ones by id or name.
 */
test("[ADMIN] a campaigner adds a recipient with a source and it appears on the case page", async () => {
  const { page } = editor;
  const stamp = `${Date.now().toString(36)}${process.pid.toString(36)}`;
  const id = `e2e-fictional-mp-${stamp}`;
  const name = `Alex Example ${stamp}`;

  await page.goto("/admin/recipients/new");
  await expectNoSeriousAxe(page);
  await page.getByLabel("Id", { exact: true }).fill(id);
  await page.getByLabel("Kind").selectOption("member-of-parliament");
  await page.getByLabel("Country").fill("ca");
  await page.getByLabel("Role (English)").fill("Member of Parliament (fictional test entry)");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Organisation (English)").fill("Parliament of Exampleland (fictional)");
  await page.getByLabel("Salutation (English)").fill("Dear Alex Example");
  await page.getByRole("textbox", { name: "Address" }).fill("1 Example Street\nExampletown");

  // Without a source the directory refuses it, next to the Sources field, and keeps everything typed.
  await page.getByRole("button", { name: "Add to the directory" }).click();
  const sources = page.getByLabel("Sources");
  await expect(sources).toHaveAttribute("aria-invalid", "true");
  await expect(page.locator(".field--invalid", { has: sources }).locator(".field__error")).toHaveText("record at least one source");
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue(name);
  await expect(page.getByRole("textbox", { name: "Address" })).toHaveValue("1 Example Street\nExampletown");

  await sources.fill("Fictional entry made by a browser test (example.org)");
  await page.getByRole("button", { name: "Add to the directory" }).click();
  await expect(page).toHaveURL(new RegExp(`/admin/recipients/${id}\\?created=1$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);

  // The directory finds it by a word of its name.
  await page.goto(`/admin/recipients?q=${encodeURIComponent(stamp)}`);
  await expect(page.getByTestId("recipient-list").locator("tbody tr")).toHaveCount(1);
  await expect(page.locator(`tr[data-recipient-id="${id}"]`)).toContainText(name);
  await expectNoSeriousAxe(page);

  // Into the Canadian audience, last and not preselected (see above).
  await page.goto(`/admin/campaigns/${DNC_SLUG}`);
  const canada = page.getByTestId("audience-1");
  await expect(canada.getByLabel("Id")).toHaveValue("canada-government");
  await canada.getByLabel("Add a recipient from the directory").selectOption(id);
  await canada.getByRole("button", { name: "Add to this audience" }).click();
  const row = canada.locator(`li[data-recipient-id="${id}"]`);
  await expect(row.getByRole("checkbox")).not.toBeChecked();
  await expect(canada.locator("li[data-recipient-id]").last()).toHaveAttribute("data-recipient-id", id);
  await page.getByRole("button", { name: "Save and publish" }).click();
  await expect(page.getByTestId("save-status")).toContainText("Saved: published as version");

  await page.goto(`/c/${DNC_SLUG}`);
  const card = page.locator(`[data-recipient="${id}"]`);
  await expect(card.locator(".recipient__name")).toHaveText(name);
  await expect(page.getByRole("checkbox", { name: new RegExp(name) })).not.toBeChecked();
});

test("[ADMIN] a test letter goes to the campaigner and not to the official", async () => {
  const { page, email } = editor;
  // A fictional official of a fictional draft campaign: their address is used by no other test, so "no mail to it"
  // cannot be spoiled by letters other specs send in parallel.
  const fictional = await importFictionalCampaign(page, "draft");

  await page.goto(`/admin/recipients/${fictional.recipientId}`);
  await expect(page.getByRole("textbox", { name: "Email" })).toHaveValue(fictional.recipientEmail);
  await page.getByRole("button", { name: "Send me a test letter" }).click();
  await expect(page.getByTestId("test-letter-status")).toContainText(`Sent to ${email}`);
  await expectNoSeriousAxe(page);

  await page.goto("/dev/mail");
  const rows = page.locator("tbody tr", { hasText: email }).filter({ hasText: "test-letter" });
  await expect(rows).toHaveCount(1);
  await expect(rows.locator("td").nth(3)).toHaveText(/^\[TEST\] A fictional letter/);
  await expect(page.locator("tbody tr", { hasText: fictional.recipientEmail })).toHaveCount(0);

  await rows.getByRole("link").click();
  await expect(page.locator('[data-header="to"]')).toContainText(email);
  await expect(page.locator('[data-header="to"]')).not.toContainText(fictional.recipientEmail);
  await expect(page.getByTestId("mail-text")).toContainText("Dear Minister");
  await expect(page.getByTestId("mail-text")).toContainText("Sampleville");
});
