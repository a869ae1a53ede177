import http from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test, type APIResponse } from "@playwright/test";
import { DNC_SLUG } from "../fixtures/seed-facts";
import { withBotCheck } from "../../test/bot-check";

type TProblem = { type: string; title: string; status: number; errors: { path: string; message: string; code?: string }[] };

const letter = {
  campaign: DNC_SLUG,
  supporter: { name: "Marie Tremblay", email: "marie@example.org", city: "Ottawa", country: "CA" },
  recipients: ["ca-mp-chong"],
};

function expectSecurityHeaders(response: APIResponse) {
  const h = response.headers();
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("same-origin");
  expect(h["cross-origin-opener-policy"]).toBe("same-origin");
  expect(h["permissions-policy"]).toContain("camera=()");
}

async function problemOf(response: APIResponse, status: number): Promise<TProblem> {
  expect(response.status()).toBe(status);
  expect(response.headers()["content-type"]).toContain("application/problem+json");
  expectSecurityHeaders(response);
  const problem = (await response.json()) as TProblem;
  expect(problem.status).toBe(status);
  return problem;
}

test("[API] a lone surrogate, a NUL, a bidi override or private-use text is refused alike by the preview and the submission", async ({ request }) => {
  for (const name of ["Eve \udfff", "Eve\u0000", "Eve \u202Eevil", "Eve \uE000"]) {
    for (const endpoint of ["/api/v1/letters/preview", "/api/v1/actions"]) {
      const body = { ...letter, supporter: { ...letter.supporter, name }, delivery: "email" };
      const data = endpoint === "/api/v1/actions" ? await withBotCheck(request, body) : body;
      const problem = await problemOf(await request.post(endpoint, { data }), 422);
      expect({ name, endpoint, paths: problem.errors.map((e) => e.path) }).toEqual({ name, endpoint, paths: ["supporter.name"] });
    }
  }
  // A NUL as the campaign is no campaign (422), not a failed query.
  const nul = await problemOf(await request.post("/api/v1/letters/preview", { data: { ...letter, campaign: "\u0000" } }), 422);
  expect(nul.errors.map((e) => e.path)).toContain("campaign");
  // A display name may not imitate an address or an encoded word.
  for (const name of ["boss@kazembassy.example <boss@kazembassy.example>", "=?utf-8?q?Minister?="]) {
    const data = await withBotCheck(request, { ...letter, supporter: { ...letter.supporter, name }, delivery: "email" });
    const problem = await problemOf(await request.post("/api/v1/actions", { data }), 422);
    expect(problem.errors.map((e) => e.path)).toEqual(["supporter.name"]);
  }
});

test("[API] ids that are not UUIDs, a NUL in a slug and paths that cannot be decoded are problems with the security headers", async ({ request }) => {
  for (const path of ["/api/v1/actions/------------------------------------", "/api/v1/actions/0123456789abcdef0123456789abcdef0123", "/api/v1/actions/00000000-0000-0000-0000-00000000000g/letters/x/pdf"]) {
    const problem = await problemOf(await request.get(path), 404);
    expect(problem.errors[0]!.path).toBeTruthy();
  }
  await problemOf(await request.post("/api/v1/actions/------------------------------------/letters/------------------------------------/done"), 404);
  await problemOf(await request.get("/api/v1/campaigns/%00"), 400);
  await problemOf(await request.get("/api/v1/actions/%ff"), 400);
  // An address no endpoint takes is a problem too, not an HTML page.
  await problemOf(await request.get("/api/v1/no-such-endpoint"), 404);
  // A page with a broken escape is a 400 page with the headers, not a plain-text 500.
  const page = await request.get("/c/%ff");
  expect(page.status()).toBe(400);
  expectSecurityHeaders(page);
});

test("[API] Next.js's own redirects (dot segments, doubled slashes, a backslash, a trailing slash) carry the security headers, and a page still has one CSP", async ({ request }) => {
  // (The client resolves dot segments and backslashes as browsers do: "/api/v1/%2e%2e" goes out as "/api/".)
  for (const path of ["/api/v1/%2e%2e", "/api//v1/campaigns", `/c/${DNC_SLUG}/`, "/privacy/"]) {
    const response = await request.get(path, { maxRedirects: 0 });
    expect({ path, status: response.status() }).toEqual({ path, status: 308 });
    expectSecurityHeaders(response);
  }
  // Filled in only where nothing set them: the page's own policy, with its nonce, is the one sent.
  const page = await request.get(`/c/${DNC_SLUG}`);
  const policies = page.headersArray().filter((h) => h.name.toLowerCase() === "content-security-policy");
  expect(policies).toHaveLength(1);
  expect(policies[0]!.value).toContain("'nonce-");
});

test("[API] a wrong method is 405 with Allow; another content type 415; a body too large 413", async ({ request }) => {
  const put = await problemOf(await request.put("/api/v1/actions", { data: {} }), 405);
  expect(put.title).toContain("POST");
  const get = await request.get("/api/v1/letters/preview");
  await problemOf(get, 405);
  expect(get.headers()["allow"]).toBe("POST, OPTIONS");
  const del = await request.delete(`/api/v1/campaigns/${DNC_SLUG}`);
  await problemOf(del, 405);
  expect(del.headers()["allow"]).toBe("GET, HEAD, OPTIONS");

  const text = await problemOf(await request.post("/api/v1/actions", { headers: { "content-type": "text/plain" }, data: JSON.stringify({ ...letter, delivery: "post" }) }), 415);
  expect(text.errors[0]).toMatchObject({ path: "(body)", code: "contentType" });
  const big = await problemOf(await request.post("/api/v1/actions", { data: { ...letter, delivery: "post", personalNote: "x".repeat(100_000) } }), 413);
  expect(big.errors[0]).toMatchObject({ path: "(body)", code: "tooLarge" });
});

test("[SITE] every answer carries the security headers: a page with a nonce for its scripts, a 404, an API answer", async ({ page, request }) => {
  const response = await page.goto(`/c/${DNC_SLUG}?lang=en`);
  const csp = response!.headers()["content-security-policy"]!;
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  for (const directive of ["'strict-dynamic'", "object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) expect(csp).toContain(directive);
  // Next.js's own scripts carry this request's nonce, and the page still works (the composer hydrates).
  const scripts = await page.locator("script[src]").evaluateAll((els) => els.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);
  await page.getByLabel("Country").selectOption("IE");
  await expect(page.locator("#recipient-kz-embassy-us")).not.toBeChecked();
  // Another request, another nonce.
  const again = await request.get(`/c/${DNC_SLUG}`);
  expect(/'nonce-([^']+)'/.exec(again.headers()["content-security-policy"]!)?.[1]).not.toBe(nonce);

  const missing = await request.get("/no-such-page");
  expect(missing.status()).toBe(404);
  expectSecurityHeaders(missing);
  expectSecurityHeaders(await request.get("/api/v1/campaigns"));
  expectSecurityHeaders(await request.get("/api/health"));
});

test("[SITE] a page on another origin cannot frame the case page or the confirmation page", async ({ page, baseURL }) => {
  // A real partner-like page on another origin (another port), framing the site.
  const partner = http.createServer((_request, response) => {
    response.setHeader("content-type", "text/html");
    response.end(`<!doctype html><title>Partner</title><iframe id="a" src="${baseURL}/c/${DNC_SLUG}"></iframe><iframe id="b" src="${baseURL}/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAA"></iframe>`);
  });
  await new Promise<void>((resolve) => partner.listen(0, "127.0.0.1", resolve));
  try {
    const blocked: string[] = [];
    page.on("console", (message) => {
      if (message.text().includes("frame-ancestors 'none'")) blocked.push(message.text());
    });
    await page.goto(`http://127.0.0.1:${(partner.address() as AddressInfo).port}/`);
    await expect.poll(() => blocked.length, { timeout: 10_000 }).toBe(2);
    // Neither frame shows the site.
    for (const id of ["a", "b"]) await expect(page.frameLocator(`#${id}`).locator("header, main")).toHaveCount(0);
  } finally {
    partner.close();
  }
});

test("[API] the per-address limit counts the mailbox, not the spelling, and says when to try again", async ({ request }) => {
  const stamp = Date.now();
  const spellings = [`mb${stamp}@gmail.com`, `MB${stamp}+1@gmail.com`, `m.b${stamp}+2@gmail.com`, `mb${stamp}@googlemail.com`, `m.b.${stamp}@Gmail.com`];
  for (const [i, email] of spellings.entries()) {
    const accepted = await request.post("/api/v1/actions", { data: await withBotCheck(request, { ...letter, supporter: { ...letter.supporter, email }, delivery: "email" }), headers: { "x-forwarded-for": `198.51.100.${i + 10}` } });
    expect(accepted.status()).toBe(202);
  }
  const refused = await request.post("/api/v1/actions", {
    data: await withBotCheck(request, { ...letter, supporter: { ...letter.supporter, email: `mb${stamp}+6@gmail.com` }, delivery: "email" }),
    headers: { "x-forwarded-for": "198.51.100.99" },
  });
  await problemOf(refused, 429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(3000);
});

test("[API] an Idempotency-Key reused with another body is a 422, not the first action's answer", async ({ request }) => {
  const key = `key-${Date.now()}`;
  const body = await withBotCheck(request, { ...letter, supporter: { ...letter.supporter, email: `idem.${Date.now()}@example.org` }, delivery: "post" });
  const first = await request.post("/api/v1/actions", { data: body, headers: { "idempotency-key": key } });
  expect(first.status()).toBe(202);
  const again = await request.post("/api/v1/actions", { data: body, headers: { "idempotency-key": key } });
  expect(await again.json()).toEqual(await first.json());
  const other = await problemOf(await request.post("/api/v1/actions", { data: { ...body, personalNote: "another letter" }, headers: { "idempotency-key": key } }), 422);
  expect(other.errors).toEqual([expect.objectContaining({ path: "Idempotency-Key", code: "idempotencyKeyReused" })]);
});
