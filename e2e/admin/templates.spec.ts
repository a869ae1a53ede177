import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { campaignerPage } from "../fixtures/admin";
import { seriousAxeViolations } from "../fixtures/axe";
import { importFictionalCampaign, type TFictional } from "./fictional-content";
import { pdfPages, squash } from "../fixtures/pdf-text";
import { DNC_SLUG, FLD_SLUG } from "../fixtures/seed-facts";
import { withBotCheck } from "../../test/bot-check";

/*
 * These tests publish letter templates in the one database every browser test shares, while other specs run
 * beside them. So each edits a template no other spec reads:
 *
 * - The editor test edits FLD's Russian letter to the Kazakh authorities. The FLD campaign is closed: no spec can
 *   write a letter from it (they assert the 409), and none reads its letter text; its languages (en, ru, kk, which
 *   public-api.spec.ts asserts) stay the same because the template exists already.
 * - The versions test needs a live campaign, so it starts a language that had no letter: DNC's French letter to the
 *   Kazakh authorities (the audience has French demands and every recipient a French salutation). DNC already lists
 *   French (a Canadian letter has it), so public-api.spec.ts's languages hold; the specs that write French letters
 *   write them to Canadian officials, or only check the supporter's name and note, which this letter keeps.
 *
 * The two tests use different templates so that they can run in parallel with each other too.
 */

// Each test lays out several PDFs and signs a campaigner in; on a loaded two-core machine that outlasts the default.
test.describe.configure({ timeout: 150_000 });

const EDITOR_URL = (slug: string, audience: string, language: string) => `/admin/campaigns/${slug}/templates/${audience}/${language}`;
const API_URL = (slug: string, audience: string, language: string) => `/api/admin/templates/${slug}/${audience}/${language}`;

/**
 * The text of every PDF preview the editor receives, in order. Taken on the way to the page (route.fetch, then the
 * same bytes fulfilled), because the browser reads them into a blob and a response's body is not kept for the test.
 */
async function capturePdfPreviews(page: Page): Promise<string[]> {
  const texts: string[] = [];
  await page.route("**/api/admin/templates/**/preview", async (route) => {
    let response: Awaited<ReturnType<typeof route.fetch>>;
    let body: Buffer;
    try {
      response = await route.fetch();
      body = await response.body();
    } catch {
      // The page went away (the test ended) while a preview was on its way: nothing to read.
      return;
    }
    await route.fulfill({ response, body }).catch(() => {});
    if (response.status() === 200 && (response.headers()["content-type"] ?? "").includes("application/pdf")) {
      texts.push(squash((await pdfPages(body)).pages.join(" ")));
    }
  });
  return texts;
}

const previewWith = (texts: string[], needle: string) =>
  expect.poll(() => texts.find((t) => t.includes(needle)), { message: `a PDF preview with "${needle}"`, timeout: 30_000 }).toBeTruthy();

test("[ADMIN] a campaigner edits a template, sees an unknown placeholder named with its line, fixes it, sees the PDF preview change and publishes", async ({
  browser,
}) => {
  const { page } = await campaignerPage(browser, "editor");
  const marker = `Контрольная фраза ${Date.now()}`;
  try {
    const pdfs = await capturePdfPreviews(page);
    await page.goto(EDITOR_URL(FLD_SLUG, "kazakhstan-authorities", "ru"));
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Authorities of Kazakhstan");
    await expect.poll(() => pdfs.length, { timeout: 30_000 }).toBeGreaterThan(0);
    const before = pdfs[0]!;
    expect(before).toContain("Camille Roy");
    expect(before).not.toContain(marker);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A typo at the end of the body: named with its line, before anything is saved, and saving is held back.
    const body = page.getByTestId("template-body");
    await body.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Enter");
    await page.keyboard.press("Enter");
    await page.keyboard.type("P.S. {{supporter.nmae}}");
    // The cursor is on the last line, so the gutter's last number (CodeMirror draws only what is in view) is its line.
    const lines = Number(await page.locator(".template-body .cm-lineNumbers .cm-gutterElement").last().innerText());
    expect(lines).toBeGreaterThan(10);
    const problems = page.getByTestId("body-problems");
    await expect(problems).toContainText(`Line ${lines}: unknown placeholder "{{supporter.nmae}}"`);
    await expect(page.locator(".template-body .cm-line").last()).toHaveClass(/cm-problem-line/);
    await expect(page.getByRole("button", { name: "Publish" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Save as draft" })).toBeDisabled();

    // The server checks too: the same typo sent past the browser is refused with the line, never a 5xx.
    const refused = await page.request.put(API_URL(FLD_SLUG, "kazakhstan-authorities", "ru"), {
      data: { subjects: ["Тема"], body: "{{recipient.salutation}},\n\n{{supporter.nmae}}" },
    });
    expect(refused.status()).toBe(422);
    expect(((await refused.json()) as { errors: { path: string; message: string }[] }).errors).toContainEqual(
      expect.objectContaining({ path: "body", message: expect.stringContaining('line 3: unknown placeholder "{{supporter.nmae}}"') }),
    );

    // Fixed, with the palette (a keyboard user's way to a placeholder): the PDF preview follows.
    await body.click();
    await page.keyboard.press("Control+End");
    await page.keyboard.press("Shift+Home");
    await page.keyboard.type(`${marker} `);
    await page.getByRole("button", { name: "{{supporter.city}}", exact: true }).click();
    await expect(problems).toBeEmpty();
    // Previews of the typing on the way (the marker without the city yet) may arrive first: wait for the last edit's.
    await previewWith(pdfs, `${marker} Montréal`);
    const after = pdfs.find((t) => t.includes(`${marker} Montréal`))!;
    expect(after).toContain(`${marker} Montréal`);
    expect(after).not.toEqual(before);
    await expect(page.getByTestId("preview-text")).toContainText(`${marker} Montréal`);

    // Tab leaves the body (no focus trap) for the palette that follows it.
    await body.click();
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => !!document.activeElement?.closest(".cm-editor"))).toBe(false);

    // The sample supporter changes the preview too.
    await page.getByLabel("Name", { exact: true }).fill("Oksana Test");
    await previewWith(pdfs, "Oksana Test");

    await page.getByRole("button", { name: "Publish" }).click();
    await expect(page.getByTestId("save-status")).toContainText(/Published as version \d+/);
    const stored = (await (await page.request.get(API_URL(FLD_SLUG, "kazakhstan-authorities", "ru"))).json()) as {
      published: { doc: { body: string } };
      draft?: unknown;
    };
    expect(stored.published.doc.body).toContain(`${marker} {{supporter.city}}`);
    expect(stored.draft).toBeUndefined();
    expect(await seriousAxeViolations(page)).toEqual([]);
  } finally {
    // Previews still on their way are dropped, not read from a closed page.
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await page.context().close();
  }
});

/** A French letter to the Kazakh authorities carrying `marker`, with every placeholder the other specs rely on. */
/** The fictional campaign's English letter with a marker in its text (e2e/admin/fictional-content.ts). */
function fictionalLetter(marker: string) {
  return {
    subjects: [`A fictional letter (${marker})`],
    body: ["{{recipient.salutation}},", "", `I write from {{supporter.city}} about a fictional case. ${marker}.`, "", "{{demands}}", "", "{{supporter.name}}"].join("\n"),
  };
}

async function writeLetter(request: APIRequestContext, campaign: TFictional, name: string): Promise<{ pdf: () => Promise<string> }> {
  const posted = await request.post("/api/v1/actions", {
    data: await withBotCheck(request, { campaign: campaign.slug, supporter: { name, city: "Lyon", country: "FR" }, recipients: [campaign.recipientId], delivery: "post" }),
  });
  expect(posted.status(), await posted.text()).toBe(202);
  const { id } = (await posted.json()) as { id: string };
  const status = (await (await request.get(`/api/v1/actions/${id}`)).json()) as { letters: { id: string }[] };
  const letterId = status.letters[0]!.id;
  return {
    pdf: async () => {
      const response = await request.get(`/api/v1/actions/${id}/letters/${letterId}/pdf`);
      expect(response.status()).toBe(200);
      return squash((await pdfPages(await response.body())).pages.join(" "));
    },
  };
}

test("[ADMIN] the next letter uses the new version while a letter written before keeps its text", async ({ browser }) => {
  const { page } = await campaignerPage(browser, "editor");
  const first = `Version one ${Date.now()}`;
  const second = `Version two ${Date.now()}`;
  try {
    // A language with no letter: the editor offers to start it from the English text, marked for review. Only
    // opened here, never saved: a French letter to the Kazakh authorities would change what other specs assert.
    await page.goto(`/admin/campaigns/${DNC_SLUG}/templates`);
    await page.getByRole("link", { name: "Start the Français letter to Authorities of Kazakhstan" }).click();
    await expect(page).toHaveURL(new RegExp(`${EDITOR_URL(DNC_SLUG, "kazakhstan-authorities", "fr")}$`));
    await expect(page.getByTestId("template-state")).toContainText("Not published yet.");
    await expect(page.getByText("Review needed")).toBeVisible();

    // Versions and letters on a fictional live campaign of this test's own (imported through the admin's upload),
    // so that no other spec's letters change while this one publishes.
    const fictional = await importFictionalCampaign(page, "live");
    const api = API_URL(fictional.slug, "example-government", "en");

    const v1 = await page.request.post(`${api}/publish`, { data: fictionalLetter(first) });
    expect(v1.status(), await v1.text()).toBe(200);
    const letterA = await writeLetter(page.request, fictional, "Anne Before");
    expect(await letterA.pdf()).toContain(first);

    const v2 = await page.request.post(`${api}/publish`, { data: fictionalLetter(second) });
    expect(v2.status(), await v2.text()).toBe(200);
    expect(((await v2.json()) as { version: number }).version).toBeGreaterThan(((await v1.json()) as { version: number }).version);
    const letterB = await writeLetter(page.request, fictional, "Bruno After");

    const textB = await letterB.pdf();
    expect(textB).toContain(second);
    expect(textB).not.toContain(first);
    // Written before: the same text as when it was written.
    const textA = await letterA.pdf();
    expect(textA).toContain(first);
    expect(textA).not.toContain(second);

    // Letters record the version they were written from: the editor counts the published version's letters by it.
    const opened = (await (await page.request.get(api)).json()) as { published: { id: string; letters: number; doc: { body: string } } };
    expect(opened.published.doc.body).toContain(second);
    expect(opened.published.letters).toBeGreaterThanOrEqual(1);

    // The review flag is shown on the page and cleared by a campaigner who says they reviewed the letter.
    await page.request.post(`${api}/publish`, { data: { ...fictionalLetter(second), review: "needed" } });
    await page.goto(EDITOR_URL(fictional.slug, "example-government", "en"));
    await page.getByRole("button", { name: "I reviewed this letter" }).click();
    await expect(page.getByTestId("save-status")).toContainText("marked as reviewed");
    await expect(page.getByText("Review needed")).toHaveCount(0);
    const reviewed = (await (await page.request.get(api)).json()) as { published: { doc: { review?: string }; note: string } };
    expect(reviewed.published.doc.review).toBeUndefined();
    expect(reviewed.published.note).toMatch(/^reviewed by .*editor-[^ ]*@e2e\.example\.org/);
  } finally {
    // Previews still on their way are dropped, not read from a closed page.
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await page.context().close();
  }
});

test("[ADMIN] a viewer reads a letter template and its text preview, with saving turned off", async ({ browser }) => {
  const { page } = await campaignerPage(browser, "viewer");
  const previews: string[] = [];
  page.on("request", (r) => {
    if (r.url().endsWith("/preview")) previews.push(r.url());
  });
  try {
    await page.goto(EDITOR_URL(DNC_SLUG, "canada-government", "en"));
    await expect(page.getByText("You are signed in as a viewer")).toBeVisible();
    await expect(page.getByRole("button", { name: "Publish" })).toBeDisabled();
    await expect(page.getByRole("button", { name: "Save as draft" })).toBeDisabled();
    await expect(page.getByTestId("template-body")).toHaveAttribute("contenteditable", "false");
    // The text preview is made in the browser, so a viewer sees the letter for the sample supporter too.
    await page.getByLabel("Name", { exact: true }).fill("Vera Viewer");
    await expect(page.getByTestId("preview-text")).toContainText("Vera Viewer");
    expect(previews).toEqual([]);
    expect(await seriousAxeViolations(page)).toEqual([]);
  } finally {
    // Previews still on their way are dropped, not read from a closed page.
    await page.unrouteAll({ behavior: "ignoreErrors" });
    await page.context().close();
  }
});
