/**
 * The bot check of a submission, from both sides: the API refuses a submission without a solved challenge, with a
 * wrong one and with one already used (problem+json at `botCheck`, with a code); a supporter never notices it, with
 * JavaScript (the composer solves a challenge in the background, and a new one when the server says its own was
 * spent) and without (the form's trap and time stamp: a Send faster than a person is refused, with everything typed
 * kept, and the next Send goes through).
 */
import { expect, test, type APIResponse } from "@playwright/test";
import { CATALOG, pageWithoutScript, sendAsAPerson, writeOnlyTo } from "../fixtures/journey";
import { DNC_SLUG } from "../fixtures/seed-facts";
import { solveBotCheck, TEST_MIN_FORM_SECONDS, withBotCheck } from "../../test/bot-check";

const M = CATALOG.en;
const action = (email: string) => ({
  campaign: DNC_SLUG,
  supporter: { name: "Bot Check", email, city: "Ottawa", country: "CA" },
  recipients: ["ca-mp-chong"],
  delivery: "email",
});

type TProblem = { status: number; errors: { path: string; code?: string; message: string }[] };

async function botCheckProblem(response: APIResponse): Promise<string | undefined> {
  expect(response.status()).toBe(422);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  expect(response.headers()["x-content-type-options"]).toBe("nosniff");
  const problem = (await response.json()) as TProblem;
  expect(problem.errors.map((e) => e.path)).toEqual(["botCheck"]);
  expect(problem.errors[0]!.message).toBeTruthy();
  return problem.errors[0]!.code;
}

test("[API] a submission without a solved challenge, with a wrong one, or with one already used is refused at botCheck", async ({ request }) => {
  const challenge = await request.get("/api/v1/bot-check");
  expect(challenge.status()).toBe(200);
  expect(challenge.headers()["cache-control"]).toContain("no-store");
  expect(Object.keys(((await challenge.json()) as { parameters: object }).parameters)).toEqual(expect.arrayContaining(["algorithm", "nonce", "salt", "keyPrefix", "expiresAt"]));

  const stamp = Date.now();
  expect(await botCheckProblem(await request.post("/api/v1/actions", { data: action(`none.${stamp}@example.org`) }))).toBe("botCheck.missing");
  const proof = await solveBotCheck(request);
  const wrong = { ...proof, solution: { ...proof.solution, derivedKey: "ab".repeat(32) } };
  expect(await botCheckProblem(await request.post("/api/v1/actions", { data: { ...action(`wrong.${stamp}@example.org`), botCheck: wrong } }))).toBe("botCheck.invalid");
  expect(await botCheckProblem(await request.post("/api/v1/actions", { data: { ...action(`junk.${stamp}@example.org`), botCheck: "solved" } }))).toBe("botCheck.invalid");

  // Solved once, accepted once: the same proof with another supporter's letters is a replay.
  const first = await request.post("/api/v1/actions", { data: { ...action(`first.${stamp}@example.org`), botCheck: proof } });
  expect(first.status()).toBe(202);
  expect(await botCheckProblem(await request.post("/api/v1/actions", { data: { ...action(`replay.${stamp}@example.org`), botCheck: proof } }))).toBe("botCheck.reused");
  // Nothing was written for the refused ones: no confirmation mail went to them.
  const mail = await (await request.get("/dev/mail")).text();
  for (const who of ["none", "wrong", "junk", "replay"]) expect(mail).not.toContain(`${who}.${stamp}@example.org`);
});

test("[JOURNEY] with JavaScript, a supporter sends without noticing the bot check, even when the first proof was already spent", async ({ page, request }) => {
  // A challenge someone already used: the composer is handed it first, is told it was spent, and solves a new one.
  const spent = await solveBotCheck(request);
  expect((await request.post("/api/v1/actions", { data: { ...action(`spent.${Date.now()}@example.org`), botCheck: spent } })).status()).toBe(202);
  let handedSpent = false;
  await page.route("**/api/v1/bot-check", async (route) => {
    if (handedSpent) return route.continue();
    handedSpent = true;
    await route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify(spent.challenge) });
  });
  const posts: { botCheck?: { solution?: { derivedKey?: string } } }[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST" && new URL(r.url()).pathname === "/api/v1/actions") posts.push(r.postDataJSON() as (typeof posts)[number]);
  });

  await page.goto(`/c/${DNC_SLUG}?lang=en`);
  const email = `js.botcheck.${Date.now()}@example.org`;
  await page.getByLabel(M.letter.name, { exact: true }).fill("Script Supporter");
  await page.getByLabel(M.letter.email, { exact: true }).fill(email);
  await page.getByLabel(M.letter.city, { exact: true }).fill("Ottawa");
  await page.getByLabel(M.letter.country, { exact: true }).selectOption("CA");
  await writeOnlyTo(page, [/Michael Chong/]);
  await page.getByLabel(M.send.email).check();
  await page.getByRole("button", { name: M.send.submit }).click();
  await expect(page.getByRole("heading", { level: 1, name: M.journey.checkEmailTitle })).toBeVisible();
  // Two sends: the spent proof (refused), then a fresh one; no error was ever shown.
  expect(posts).toHaveLength(2);
  expect(posts[0]!.botCheck?.solution?.derivedKey).toBe(spent.solution.derivedKey);
  expect(posts[1]!.botCheck?.solution?.derivedKey).toMatch(/^[0-9a-f]{64}$/);
  expect(posts[1]!.botCheck?.solution?.derivedKey).not.toBe(spent.solution.derivedKey);
});

test("[JOURNEY] without JavaScript, a Send faster than a person, or with the trap filled, is refused with everything kept; the next Send goes", async ({ browser }) => {
  const { page, close } = await pageWithoutScript(browser);
  try {
    const email = `nojs.botcheck.${Date.now()}@example.org`;
    const beforeLoad = Date.now();
    await page.goto(`/c/${DNC_SLUG}?lang=en`);
    // The trap is there for programs only: hidden from sight, from the tab order and from screen readers.
    const trap = page.locator('input[name="website"]');
    await expect(trap).toHaveAttribute("tabindex", "-1");
    await expect(trap).toHaveAttribute("autocomplete", "off");
    await expect(page.locator(".trap")).toHaveAttribute("aria-hidden", "true");
    await expect(page.getByRole("textbox", { name: M.letter.trapLabel })).toHaveCount(0);

    // At a program's speed: every field filled at once and sent.
    await page.getByLabel(M.letter.name, { exact: true }).fill("Quick Supporter");
    await page.getByLabel(M.letter.email, { exact: true }).fill(email);
    await page.getByLabel(M.letter.city, { exact: true }).fill("Ottawa");
    await page.getByLabel(M.letter.country, { exact: true }).selectOption("CA");
    // (Meaningful only if the Send really comes sooner than the trap allows after the form was made.)
    expect(Date.now() - beforeLoad, "the test filled the form in fast enough").toBeLessThan(TEST_MIN_FORM_SECONDS * 1000 - 1000);
    await page.getByRole("button", { name: M.send.submit }).click();
    await expect(page.getByRole("alert").filter({ hasText: M.send.tooFast })).toBeVisible();
    await expect(page.getByLabel(M.letter.name, { exact: true })).toHaveValue("Quick Supporter");
    await expect(page.getByLabel(M.letter.email, { exact: true })).toHaveValue(email);
    await expect(page.getByLabel(M.letter.city, { exact: true })).toHaveValue("Ottawa");
    await expect(page.getByLabel(M.letter.country, { exact: true })).toHaveValue("CA");

    // A filled trap (a program, or an autofill gone wrong): refused, the trap comes back empty, the rest kept.
    await trap.fill("https://spam.example", { force: true });
    await sendAsAPerson(page, M.send.submit);
    await expect(page.getByRole("alert").filter({ hasText: M.send.checkAgain })).toBeVisible();
    await expect(trap).toHaveValue("");
    await expect(page.getByLabel(M.letter.email, { exact: true })).toHaveValue(email);

    // At a person's pace, the same form goes through.
    await sendAsAPerson(page, M.send.submit);
    await expect(page.getByRole("heading", { level: 1, name: M.journey.checkEmailTitle })).toBeVisible();
    await expect(page.getByText(email)).toBeVisible();
  } finally {
    await close();
  }
});

test("[API] the same submission twice with its Idempotency-Key and proof is one action, not a replay", async ({ request }) => {
  const body = await withBotCheck(request, action(`twice.${Date.now()}@example.org`));
  const key = `twice-${Date.now()}`;
  const [a, b] = await Promise.all([0, 1].map(() => request.post("/api/v1/actions", { data: body, headers: { "idempotency-key": key } })));
  expect([a!.status(), b!.status()]).toEqual([202, 202]);
  expect(await a!.json()).toEqual(await b!.json());
});
