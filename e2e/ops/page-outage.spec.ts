/**
 * A page whose database goes away while it renders answers 503 with Retry-After and a "try again in a minute" page
 * in the visitor's language, not Next.js's 500; and once the database is back, the page is back. Real Postgres,
 * with the wire cut and new connections refused by a proxy (test/db/cut-proxy.ts).
 *
 * A server component cannot choose a 503 in Next.js 16, so the request that meets the outage is sent back to the
 * same address (307) and that second request, like every page request for the next seconds, is the 503 (proxy.ts,
 * lib/http/with-database.ts). Both steps are checked here.
 */
import { expect, test } from "@playwright/test";
import { startCutProxy } from "@/test/db/cut-proxy";
import { OUTAGE_MS } from "@/lib/server/database-outage";
import en from "@/lib/i18n/messages/en.json" with { type: "json" };
import fr from "@/lib/i18n/messages/fr.json" with { type: "json" };
import ru from "@/lib/i18n/messages/ru.json" with { type: "json" };
import { opsPort, startApp } from "@/test/app-process";
import { createScratchDatabase } from "@/test/scratch-postgres";

const base = process.env.DATABASE_URL?.trim();
const CASE = "/c/dnc-sekerbayeva-charges";

function expectUnavailablePage(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toBe("30");
  expect(response.headers.get("cache-control")).toBe("no-store");
  expect(response.headers.get("content-type")).toContain("text/html");
  expect(response.headers.get("content-security-policy")).toContain("default-src 'none'");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
}

if (base) {
  test("[OPS] a page whose database goes away answers 503 with Retry-After in the visitor's language, and comes back with it", async () => {
    test.setTimeout(180_000);
    const scratch = await createScratchDatabase(base);
    const wire = await startCutProxy(scratch.url);
    const app = await startApp(opsPort(9), { DATABASE_URL: wire.url });
    try {
      expect((await fetch(`${app.url}${CASE}`)).status).toBe(200);

      wire.refuse = true;
      wire.cut();
      // The request that meets the outage is sent back to where it was going…
      const met = await fetch(`${app.url}${CASE}?lang=fr`, { redirect: "manual" });
      expect(met.status).toBe(307);
      expect(met.headers.get("location")).toBe(`${CASE}?lang=fr`);
      // …where the answer is a real 503, in French (the address asked for it).
      const unavailable = await fetch(`${app.url}${CASE}?lang=fr`, { redirect: "manual" });
      expectUnavailablePage(unavailable);
      const text = await unavailable.text();
      expect(text).toContain(`<html lang="fr">`);
      expect(text).toContain(fr.unavailable.title);
      expect(text).toContain(fr.unavailable.body.slice(0, 40));
      // Every page for the next seconds, in the browser's language, without trying the database again.
      const home = await fetch(`${app.url}/`, { headers: { "accept-language": "ru-RU,ru;q=0.9" } });
      expectUnavailablePage(home);
      expect(await home.text()).toContain(ru.unavailable.title);
      // The API keeps its own answer: problem+json 503.
      const api = await fetch(`${app.url}/api/v1/campaigns`);
      expect(api.status).toBe(503);
      expect(api.headers.get("content-type")).toBe("application/problem+json");

      // The database is back: after the outage's few seconds, so are the pages.
      wire.refuse = false;
      await expect.poll(async () => (await fetch(`${app.url}${CASE}`)).status, { timeout: OUTAGE_MS + 30_000, intervals: [1000] }).toBe(200);
      const back = await (await fetch(`${app.url}${CASE}?lang=en`)).text();
      expect(back).not.toContain(en.unavailable.title);
      expect(app.output()).not.toMatch(/uncaughtException/);
    } finally {
      await app.stop(5000);
      await wire.stop();
      await scratch.drop();
    }
  });
}
