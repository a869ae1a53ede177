import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { INBOUND_SECRET } from "../../playwright.config";
import { ZInboundBounceAccepted } from "../../lib/schemas/api-responses";

const dsn = readFileSync(path.join(process.cwd(), "test/fixtures/bounces/postfix-user-unknown.eml"));
const url = "/api/v1/inbound/bounces";

test("[API] a forwarded bounce needs the inbound secret, and is read and matched against letters", async ({ request }) => {
  const none = await request.post(url, { data: dsn, headers: { "content-type": "message/rfc822" } });
  expect(none.status()).toBe(401);
  expect(none.headers()["content-type"]).toContain("application/problem+json");
  const wrong = await request.post(url, { data: dsn, headers: { "content-type": "message/rfc822", authorization: `Bearer ${INBOUND_SECRET}x` } });
  expect(wrong.status()).toBe(401);

  const auth = { authorization: `Bearer ${INBOUND_SECRET}` };
  const json = await request.post(url, { data: { raw: "x" }, headers: auth });
  expect(json.status()).toBe(415);
  const big = await request.post(url, { data: Buffer.alloc(10 * 1024 * 1024 + 1, 0x61), headers: { ...auth, "content-type": "message/rfc822" } });
  expect(big.status()).toBe(413);

  // The fixture's letter is not in this database: read, and matched to nothing.
  const read = await request.post(url, { data: dsn, headers: { ...auth, "content-type": "message/rfc822" } });
  expect(read.status()).toBe(202);
  const body: unknown = await read.json();
  // The answer is the one the OpenAPI document describes (lib/openapi/build-document.ts).
  expect(ZInboundBounceAccepted.safeParse(body).error).toBeUndefined();
  expect(body).toEqual({
    kind: "hard",
    status: "5.1.1",
    summary: expect.stringMatching(/^bounced: 5\.1\.1 for minister@gov\.example/),
    letters: [],
    bounced: 0,
    matchedBy: "none",
  });
  const get = await request.get(url);
  expect(get.status()).toBe(405);
});
