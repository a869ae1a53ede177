import { expect, test } from "@playwright/test";
import { pageJavaScript } from "../fixtures/page-js";
import { DNC_SLUG, FLD_SLUG } from "../fixtures/seed-facts";

/** The most JavaScript (gzipped bytes) a case page may make a phone download and run before the supporter acts. */
const CASE_PAGE_JS_MAX = 150 * 1024;

for (const slug of [DNC_SLUG, FLD_SLUG]) {
  test(`[SITE] the case page loads at most 150 KB of gzipped JavaScript (${slug})`, async ({ request }) => {
    const { total, files } = await pageJavaScript(request, `/c/${slug}?lang=en`);
    console.log(`/c/${slug}: ${total} bytes of gzipped JavaScript`, files.map((f) => `${f.src} ${f.gzip}`).join(", "));
    // A sanity floor: React and the router are in it, so the measure is not measuring nothing.
    expect(total).toBeGreaterThan(50 * 1024);
    expect(total).toBeLessThanOrEqual(CASE_PAGE_JS_MAX);
  });
}
