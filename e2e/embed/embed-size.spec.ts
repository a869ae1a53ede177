import { gzipSync } from "node:zlib";
import { pageJavaScript } from "../fixtures/page-js";
import { DNC_SLUG } from "../fixtures/seed-facts";
import { expect, test } from "./partner-page";

/** What partners put on every page they have: the loader, served as the browser gets it. */
const EMBED_JS_MAX = 1024;
/** The JavaScript the form in the frame makes a phone download before the supporter acts (as the case page). */
const EMBED_PAGE_JS_MAX = 150 * 1024;

test("[EMBED] embed.js is at most 1 KB gzipped, and served for other sites to load", async ({ request }) => {
  const response = await request.get("/embed.js");
  expect(response.status()).toBe(200);
  const body = await response.body();
  const gzip = gzipSync(body).length;
  console.log(`embed.js: ${body.length} bytes, ${gzip} gzipped`);
  expect(gzip).toBeLessThanOrEqual(EMBED_JS_MAX);
  const headers = response.headers();
  expect(headers["content-type"]).toMatch(/javascript/);
  expect(headers["cache-control"]).toBe("public, max-age=300");
  expect(headers["access-control-allow-origin"]).toBe("*");
  expect(headers["cross-origin-resource-policy"]).toBe("cross-origin");
});

test("[EMBED] the embedded form loads at most 150 KB of gzipped JavaScript", async ({ request }) => {
  const { total, files } = await pageJavaScript(request, `/embed/${DNC_SLUG}?lang=fr`);
  console.log(`/embed/${DNC_SLUG}: ${total} bytes of gzipped JavaScript`, files.map((f) => `${f.src} ${f.gzip}`).join(", "));
  // A sanity floor: React and the router are in it, so the measure is not measuring nothing.
  expect(total).toBeGreaterThan(50 * 1024);
  expect(total).toBeLessThanOrEqual(EMBED_PAGE_JS_MAX);
});
