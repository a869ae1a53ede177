import { importFictionalCampaign } from "../admin/fictional-content";
import { OWNER_STATE } from "../fixtures/admin";
import { CATALOG } from "../fixtures/journey";
import { DNC_SLUG, FLD_SLUG } from "../fixtures/seed-facts";
import type { Frame } from "@playwright/test";
import { createPartner, embedFrame, events, expect, nextEvent, partnerHtml, snippetFor, test } from "./partner-page";

/**
 * The partner embed on a partner's page served by the test on another port (another origin), made of the snippet
 * of docs/partners.md: loading and resizing, several embeds, sending, origins the partner did not list, where the
 * frame posts, and a themed French embed. Partners are fictional, made through the admin's API.
 */
const APP = () => test.info().project.use.baseURL!;

/**
 * Brings the frame's composer to life (its code loads when the form is first touched, components/letter/lazy-composer)
 * and presses Send with fields missing: the live form's messages appear.
 */
async function sendIncomplete(frame: Frame, lang: "en" | "fr" = "en") {
  await frame.getByLabel(CATALOG[lang].letter.city, { exact: true }).fill("Samtown");
  // The live composer writes the city into the letters as it is typed; the server's form does not.
  await expect(frame.getByTestId("letter-previews")).toContainText("Samtown");
  await frame.getByRole("button", { name: CATALOG[lang].send.submit }).click();
  await expect(frame.getByTestId("error-summary")).toBeVisible();
}

test("[EMBED] the form loads in a partner page, resizes to its content and sends ready", async ({ page, browser, partnerSite }) => {
  const partner = await createPartner(browser, { origins: [partnerSite.origin] });
  partnerSite.serve("/ready", partnerHtml(snippetFor(APP(), { campaign: DNC_SLUG, partner: partner.code, lang: "en", theme: null, id: "form" })));
  await page.goto(`${partnerSite.origin}/ready`);

  const ready = await nextEvent(page, "ready", "form");
  expect(ready.detail).toEqual({ campaign: DNC_SLUG, language: "en" });
  const frame = await embedFrame(page, "form");
  expect(new URL(frame.url()).origin).toBe(new URL(APP()).origin);
  await expect(frame.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(frame.getByRole("button", { name: CATALOG.en.send.submit })).toBeVisible();

  // The iframe is as tall as the frame's content: no scrollbar inside, nothing cut off.
  const iframe = page.locator("#form iframe");
  const contentHeight = () => frame.evaluate(() => Math.ceil(document.getElementById("embed-root")!.getBoundingClientRect().height));
  await expect(async () => {
    const [outer, inner] = await Promise.all([iframe.evaluate((f) => f.getBoundingClientRect().height), contentHeight()]);
    expect(Math.abs(outer - inner)).toBeLessThanOrEqual(1);
  }).toPass();
  const before = await contentHeight();
  expect(before).toBeGreaterThan(800);
  const scroll = await frame.evaluate(() => ({ scroll: document.documentElement.scrollHeight, client: document.documentElement.clientHeight }));
  expect(scroll.scroll).toBeLessThanOrEqual(scroll.client + 1);
  const resize = (await events(page)).filter((e) => e.type === "resize");
  expect(resize.length).toBeGreaterThan(0);
  expect(resize.at(-1)!.detail.height).toBe(before);

  // The content changes height (the live form takes over, the bad fields' messages appear): the iframe follows,
  // and says so.
  await sendIncomplete(frame);
  await expect(async () => {
    const heights = (await events(page)).filter((e) => e.type === "resize").map((e) => e.detail.height as number);
    const now = await contentHeight();
    expect(now).not.toBe(before);
    expect(heights.at(-1)).toBe(now);
    expect(Math.abs((await iframe.evaluate((f) => f.getBoundingClientRect().height)) - now)).toBeLessThanOrEqual(1);
  }).toPass();
  // Moving through the form names its steps.
  await frame.getByLabel(CATALOG.en.letter.personalNote).focus();
  await expect.poll(async () => (await events(page)).filter((e) => e.type === "step").map((e) => e.detail.step)).toContain("letter");
  // The frame sets no cookie.
  const cookies = await page.context().cookies(APP());
  expect(cookies.map((c) => c.name)).toEqual([]);
});

test("[EMBED] two embeds on one page work independently", async ({ page, browser, partnerSite }) => {
  const owner = await browser.newContext({ storageState: OWNER_STATE });
  const fictional = await importFictionalCampaign(await owner.newPage(), "live");
  await owner.close();
  const partner = await createPartner(browser, { origins: [partnerSite.origin] });
  const body = [
    snippetFor(APP(), { campaign: DNC_SLUG, partner: partner.code, lang: "fr", id: "first" }),
    "<p>Between the two forms.</p>",
    snippetFor(APP(), { campaign: fictional.slug, partner: partner.code, lang: "en", theme: null, id: "second" }),
    // A third, of a closed campaign: it says so with an error, and the other two carry on.
    snippetFor(APP(), { campaign: FLD_SLUG, partner: partner.code, lang: "en", theme: null, id: "closed" }),
  ].join("\n");
  partnerSite.serve("/two", partnerHtml(body));
  await page.goto(`${partnerSite.origin}/two`);

  expect((await nextEvent(page, "ready", "first")).detail).toEqual({ campaign: DNC_SLUG, language: "fr" });
  expect((await nextEvent(page, "ready", "second")).detail).toEqual({ campaign: fictional.slug, language: "en" });
  expect((await nextEvent(page, "error", "closed")).detail.message).toContain("takes no letters now");
  const first = await embedFrame(page, "first");
  const second = await embedFrame(page, "second");
  await expect(first.locator("html")).toHaveAttribute("lang", "fr");
  await expect(second.locator("html")).toHaveAttribute("lang", "en");
  // Each has its own height, following its own content.
  const heights = async () => Promise.all(["first", "second"].map((id) => page.locator(`#${id} iframe`).evaluate((f) => Math.round(f.getBoundingClientRect().height))));
  await expect.poll(async () => (await heights()).every((h) => h !== 480)).toBe(true);
  const [firstBefore, secondBefore] = await heights();
  // A step in the second form is heard from the second element only, and only the second grows.
  const firstEvents = (await events(page)).filter((e) => e.box === "first").length;
  await sendIncomplete(second);
  await expect.poll(async () => (await heights())[1]).not.toBe(secondBefore);
  expect((await heights())[0]).toBe(firstBefore);
  const all = await events(page);
  expect(all.filter((e) => e.box === "first").length).toBe(firstEvents);
  expect(all.filter((e) => e.box === "second" && e.type === "step").map((e) => e.detail.step)).toContain("send");
  expect(all.every((e) => e.box === "first" || e.box === "second" || e.box === "closed")).toBe(true);
  expect(all.filter((e) => e.box === "closed" && e.type === "ready")).toEqual([]);
});

test("[EMBED] a supporter sends from the embed and the partner page receives submitted", async ({ page, browser, partnerSite }) => {
  const owner = await browser.newContext({ storageState: OWNER_STATE });
  const fictional = await importFictionalCampaign(await owner.newPage(), "live");
  const partner = await createPartner(browser, { origins: [partnerSite.origin] });
  partnerSite.serve("/send", partnerHtml(snippetFor(APP(), { campaign: fictional.slug, partner: partner.code, lang: "en", theme: null, id: "form" })));
  await page.goto(`${partnerSite.origin}/send`);
  await nextEvent(page, "ready", "form");
  const frame = await embedFrame(page, "form");
  const L = CATALOG.en.letter;
  await frame.getByLabel(L.name, { exact: true }).fill("Robin Example");
  await frame.getByLabel(L.city, { exact: true }).fill("Exampletown");
  // The live composer is up (it writes the city into the letter as it is typed): Send goes through it.
  await expect(frame.getByTestId("letter-previews")).toContainText("Exampletown");
  await frame.getByLabel(L.country, { exact: true }).selectOption("CA");
  await frame.getByLabel(CATALOG.en.send.post).check();
  // The partner's consent box: only on its embed, unticked, in the partner's name.
  const consent = frame.getByLabel(CATALOG.en.send.consentPartner.replaceAll("{partner}", partner.name));
  await expect(consent).not.toBeChecked();
  await consent.check();
  await frame.getByRole("button", { name: CATALOG.en.send.submit }).click();

  const submitted = await nextEvent(page, "submitted", "form");
  expect(Object.keys(submitted.detail).sort()).toEqual(["actionId", "delivery", "letters"]);
  expect(submitted.detail.actionId).toMatch(/^[0-9a-f-]{36}$/);
  expect(submitted.detail).toMatchObject({ delivery: "post", letters: 1 });
  // The result stays inside the frame; the partner's page is where it was.
  await expect(page).toHaveURL(`${partnerSite.origin}/send`);
  const result = await embedFrame(page, "form");
  await expect(result.getByRole("heading", { level: 1, name: CATALOG.en.journey.postTitle })).toBeVisible();
  expect(new URL(result.url()).pathname).toBe(`/embed/${fictional.slug}/thanks`);
  expect((await events(page)).filter((e) => e.type === "step").map((e) => e.detail.step)).toContain("result");
  // No personal data in any event.
  const heard = JSON.stringify(await events(page));
  for (const personal of ["Robin", "Exampletown"]) expect(heard).not.toContain(personal);
  // A reload of the result in the frame does not say submitted again (the address no longer says it was just sent).
  const readies = (await events(page)).filter((e) => e.type === "ready").length;
  await result.evaluate(() => location.reload());
  await expect.poll(async () => (await events(page)).filter((e) => e.type === "ready").length).toBe(readies + 1);
  await expect.poll(async () => (await events(page)).filter((e) => e.type === "step" && e.detail.step === "result").length).toBe(2);
  expect((await events(page)).filter((e) => e.type === "submitted")).toHaveLength(1);

  // The letter counts for the partner in the admin.
  const admin = await owner.newPage();
  await admin.goto(`/admin/partners/${partner.code}`);
  await expect(admin.getByTestId("partner-letter-count")).toHaveText("1 letter through this partner");
  await owner.close();
});

test("[EMBED] a page on an origin the partner did not list cannot frame the form", async ({ page, browser, partnerSite, request }) => {
  const partner = await createPartner(browser, { origins: [partnerSite.origin] });
  const html = partnerHtml(snippetFor(APP(), { campaign: DNC_SLUG, partner: partner.code, lang: "en", theme: null, id: "form" }));
  partnerSite.serve("/unlisted", html);

  // The frame's answer names the listed origin only, and nothing else may frame it.
  const framed = await request.get(`/embed/${DNC_SLUG}?partner=${partner.code}&lang=en`);
  expect(framed.headers()["content-security-policy"]).toMatch(new RegExp(`frame-ancestors ${partnerSite.origin.replaceAll(".", "\\.")}($|;)`));
  expect(framed.headers()["x-frame-options"]).toBeUndefined();
  const inactive = await createPartner(browser, { origins: [partnerSite.origin], active: false });
  for (const query of [`partner=${inactive.code}`, "partner=no-such-partner", ""]) {
    const refused = await request.get(`/embed/${DNC_SLUG}?${query}`);
    expect(refused.headers()["content-security-policy"], query).toContain("frame-ancestors 'none'");
  }
  expect((await request.get(`/c/${DNC_SLUG}?partner=${partner.code}`)).headers()["content-security-policy"]).toContain("frame-ancestors 'none'");

  // localhost is another origin than 127.0.0.1: the same page there is refused by the browser.
  const answered = page.waitForResponse((r) => r.url().startsWith(`${APP()}/embed/`));
  await page.goto(`${partnerSite.otherOrigin}/unlisted`);
  expect((await answered).status()).toBe(200);
  const iframe = page.locator("#form iframe");
  await expect.poll(() => iframe.evaluate((f) => (f as HTMLIFrameElement).contentWindow !== null)).toBe(true);
  const frame = await embedFrame(page, "form");
  await frame.waitForLoadState();
  await expect(frame.getByRole("button", { name: CATALOG.en.send.submit })).toHaveCount(0);
  // The control: the same snippet on the listed origin works, and then the unlisted page has still heard nothing.
  const listed = await page.context().newPage();
  await listed.goto(`${partnerSite.origin}/unlisted`);
  await nextEvent(listed, "ready", "form");
  expect(await events(page)).toEqual([]);
});

/**
 * Installed in every frame of the partner page's context: in the app's frame, `parent` (a replaceable attribute)
 * becomes a stand-in that records the target origin of every postMessage before passing it on, and a message's
 * `source` that is the real parent reads as the stand-in, so the frame's own checks still hold.
 */
function recordFramePosts(appOrigin: string) {
  if (location.origin !== appOrigin || window.top === window) return;
  const real = window.parent;
  const posted: string[] = [];
  (window as unknown as { __posted: string[] }).__posted = posted;
  // The loader's hello carries this frame's id: kept, for the test to replay messages with it.
  addEventListener("message", (e) => {
    const data = e.data as { type?: string; id?: string } | null;
    if (data?.type === "hello") (window as unknown as { __helloId?: string }).__helloId = data.id;
  });
  const standIn = {
    postMessage(message: unknown, targetOrigin: string) {
      posted.push(targetOrigin);
      real.postMessage(message, targetOrigin);
    },
  };
  Object.defineProperty(window, "parent", { value: standIn, configurable: true });
  const source = Object.getOwnPropertyDescriptor(MessageEvent.prototype, "source")!;
  Object.defineProperty(MessageEvent.prototype, "source", {
    configurable: true,
    get(this: MessageEvent) {
      const s = source.get!.call(this);
      return s === real ? standIn : s;
    },
  });
}

test("[EMBED] the frame posts to the partner's origin only", async ({ page, browser, partnerSite }) => {
  const owner = await browser.newContext({ storageState: OWNER_STATE });
  const fictional = await importFictionalCampaign(await owner.newPage(), "live");
  await owner.close();
  const partner = await createPartner(browser, { origins: [partnerSite.origin, partnerSite.otherOrigin] });
  await page.context().addInitScript(recordFramePosts, new URL(APP()).origin);
  const body = [snippetFor(APP(), { campaign: DNC_SLUG, partner: partner.code, lang: "en", theme: null, id: "one" }), snippetFor(APP(), { campaign: fictional.slug, partner: partner.code, lang: "en", theme: null, id: "two" })].join("\n");
  partnerSite.serve("/posts", partnerHtml(body));
  await page.goto(`${partnerSite.origin}/posts`);
  await nextEvent(page, "ready", "one");
  await nextEvent(page, "ready", "two");
  const one = await embedFrame(page, "one");
  const two = await embedFrame(page, "two");
  await sendIncomplete(one);
  await nextEvent(page, "step", "one");

  // Every message the frames posted went to this page's origin, by name: none to "*", none to the other listed one.
  for (const frame of [one, two]) {
    const targets = await frame.evaluate(() => (window as unknown as { __posted: string[] }).__posted);
    expect(targets.length).toBeGreaterThanOrEqual(2);
    expect(new Set(targets)).toEqual(new Set([partnerSite.origin]));
  }

  // Replayed messages cause no event: from the partner page itself (another origin than the app's), from the other
  // frame (the app's origin, another window), and from the right frame with another id or another shape.
  const idOne = await one.evaluate(() => (window as unknown as { __helloId: string }).__helloId);
  expect(idOne).toMatch(/^[0-9a-f-]{36}$/);
  const replay = (id: string, detail: Record<string, unknown> = { actionId: "00000000-0000-4000-8000-000000000000", delivery: "post", letters: 1 }) => ({
    protocol: "urgent-letters/1",
    id,
    type: "submitted",
    detail,
  });
  await page.evaluate((m) => window.postMessage(m, "*"), replay(idOne));
  await two.evaluate((m) => window.top!.postMessage(m, "*"), replay(idOne));
  await one.evaluate((m) => window.top!.postMessage(m, "*"), replay("bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"));
  await one.evaluate((m) => window.top!.postMessage(m, "*"), replay(idOne, { actionId: "x", delivery: "pigeon", letters: 1 }));
  await one.evaluate((m) => window.top!.postMessage(m, "*"), { ...replay(idOne), extra: true });
  // Messages the loader does accept, sent after the replays from the same windows, mark the moment by which the
  // replays would have been heard.
  const steps = async (box: string) => (await events(page)).filter((e) => e.type === "step" && e.box === box).length;
  const [stepsOne, stepsTwo] = [await steps("one"), await steps("two")];
  await one.getByLabel(CATALOG.en.letter.personalNote).focus();
  await two.getByLabel(CATALOG.en.letter.personalNote).focus();
  await expect.poll(() => steps("one")).toBeGreaterThan(stepsOne);
  await expect.poll(() => steps("two")).toBeGreaterThan(stepsTwo);
  expect((await events(page)).filter((e) => e.type === "submitted")).toEqual([]);
});

test("[EMBED] a themed French embed", async ({ page, browser, partnerSite }) => {
  const partner = await createPartner(browser, { origins: [partnerSite.origin], theme: { fontScale: 1.0625 } });
  // The doc's snippet as it is: French, accent #8a1538, radius 6px.
  partnerSite.serve("/themed", partnerHtml(snippetFor(APP(), { campaign: DNC_SLUG, partner: partner.code, id: "form" })));
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${partnerSite.origin}/themed`);
    expect((await nextEvent(page, "ready", "form")).detail).toEqual({ campaign: DNC_SLUG, language: "fr" });
    const frame = await embedFrame(page, "form");
    await expect(frame.locator("html")).toHaveAttribute("lang", "fr");
    const submit = frame.getByRole("button", { name: CATALOG.fr.send.submit });
    await expect(submit).toBeVisible();
    const style = await submit.evaluate((b) => ({ background: getComputedStyle(b).backgroundColor, radius: getComputedStyle(b).borderTopLeftRadius }));
    expect(style).toEqual({ background: "rgb(138, 21, 56)", radius: "6px" });
    // The partner's own theme fills in what the page's leaves out: its text size.
    expect(await frame.evaluate(() => getComputedStyle(document.documentElement).fontSize)).toBe("17px");
    await expect(frame.getByLabel(CATALOG.fr.send.consentPartner.replaceAll("{partner}", partner.name))).not.toBeChecked();
    await page.screenshot({ path: `/tmp/embed-shots/embed-fr-${width}.png`, fullPage: true });
    await frame.getByRole("button", { name: CATALOG.fr.send.submit }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `/tmp/embed-shots/embed-fr-${width}-send.png` });
  }
});
