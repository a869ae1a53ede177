import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { expect, test as base, type Browser, type Frame, type Page } from "@playwright/test";
import { OWNER_STATE } from "../fixtures/admin";

/**
 * A partner's site for the embed tests: a tiny HTTP server on another port than the app (so another origin),
 * serving pages made of the embed snippet of docs/partners.md (the very block partners copy), pointed at this app.
 * One server per test worker, on ports 3345 and up (E2E_PORT's range); pages are registered by path per test.
 */
export const PARTNER_PORT_BASE = Number(process.env.E2E_PARTNER_PORT ?? 3345);

/** The snippet partners copy, as docs/partners.md gives it (the html block after its partner-page marker). */
export function docSnippet(): string {
  const doc = fs.readFileSync(path.join(process.cwd(), "docs", "partners.md"), "utf8");
  const match = /<!-- partner-page[^>]*-->\s*```html\n([\s\S]*?)```/.exec(doc);
  if (!match) throw new Error("docs/partners.md has no partner-page html block");
  return match[1]!;
}

/** The doc's snippet for this app, a campaign and a partner (and, optionally, another language, theme or id). */
export function snippetFor(appUrl: string, o: { campaign: string; partner: string; lang?: string; theme?: string | null; id?: string }): string {
  let html = docSnippet()
    .replace("https://letters.example.org", appUrl)
    .replace('data-campaign="dnc-sekerbayeva-charges"', `data-campaign="${o.campaign}"`)
    .replace('data-partner="dnc"', `data-partner="${o.partner}"`);
  if (o.lang) html = html.replace('data-lang="fr"', `data-lang="${o.lang}"`);
  if (o.theme === null) html = html.replace(/\s*data-theme='[^']*'/, "");
  else if (o.theme) html = html.replace(/data-theme='[^']*'/, `data-theme='${o.theme}'`);
  if (o.id) html = html.replace("<div data-urgent-letters", `<div id="${o.id}" data-urgent-letters`);
  return html;
}

/** Records every urgent-letters:* event the page hears (on document: they bubble), with the element it came from. */
const RECORDER = `<script>window.__events=[];["ready","resize","step","submitted","error"].forEach(function(t){document.addEventListener("urgent-letters:"+t,function(e){window.__events.push({type:t,detail:e.detail,box:e.target.id||null})})})</script>`;

export function partnerHtml(body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>A fictional partner's page</title>${RECORDER}</head><body style="margin:0;font-family:sans-serif"><header style="padding:1rem;background:#eee">A fictional partner organisation (test page)</header><main style="max-width:48rem;margin:auto;padding:1rem">${body}</main><footer style="padding:1rem;background:#eee">Footer of the partner's page</footer></body></html>`;
}

export type TPartnerSite = {
  port: number;
  /** http://127.0.0.1:<port> */
  origin: string;
  /** The same server by another name, http://localhost:<port>: another origin. */
  otherOrigin: string;
  serve: (path: string, html: string) => void;
};

export type TEmbedEvent = { type: string; detail: Record<string, unknown>; box: string | null };

export const test = base.extend<object, { partnerSite: TPartnerSite }>({
  partnerSite: [
    async ({}, use, workerInfo) => {
      const port = PARTNER_PORT_BASE + workerInfo.parallelIndex;
      const pages = new Map<string, string>();
      const server = http.createServer((request, response) => {
        const html = pages.get((request.url ?? "/").split("?")[0]!);
        response.writeHead(html ? 200 : 404, { "content-type": "text/html; charset=utf-8" });
        response.end(html ?? "not found");
      });
      await new Promise<void>((resolve) => server.listen(port, "0.0.0.0", resolve));
      await use({ port, origin: `http://127.0.0.1:${port}`, otherOrigin: `http://localhost:${port}`, serve: (p, html) => pages.set(p, html) });
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    { scope: "worker" },
  ],
});
export { expect };

let counter = 0;

/** A fictional partner, made through the admin's API as the owner: origins as given, active unless said. */
export async function createPartner(browser: Browser, o: { origins: string[]; active?: boolean; theme?: Record<string, unknown> }): Promise<{ code: string; name: string }> {
  const code = `fictional-partner-${Date.now().toString(36)}${process.pid.toString(36)}${counter++}`;
  const name = `Fictional Partner ${counter}`;
  const owner = await browser.newContext({ storageState: OWNER_STATE });
  const response = await owner.request.post("/api/admin/partners", {
    data: { code, name, site: "https://partner.example.org", allowedOrigins: o.origins, ...(o.theme ? { theme: o.theme } : {}), ...(o.active === false ? { active: false } : {}) },
  });
  expect(response.status(), await response.text()).toBe(201);
  await owner.close();
  return { code, name };
}

export function events(page: Page): Promise<TEmbedEvent[]> {
  return page.evaluate(() => (window as unknown as { __events: TEmbedEvent[] }).__events);
}

/** Waits until the page has heard an event of `type` (from the element `box`, if given) and answers it. */
export async function nextEvent(page: Page, type: string, box?: string): Promise<TEmbedEvent> {
  let found: TEmbedEvent | undefined;
  await expect(async () => {
    found = (await events(page)).find((e) => e.type === type && (box === undefined || e.box === box));
    expect(found, `an urgent-letters:${type} event`).toBeDefined();
  }).toPass({ timeout: 20_000 });
  return found!;
}

/** The embed's frame inside the element `box` (or the page's first). */
export async function embedFrame(page: Page, box?: string): Promise<Frame> {
  const iframe = page.locator(box ? `#${box} iframe` : "[data-urgent-letters] iframe").first();
  await expect(iframe).toBeAttached();
  const frame = await (await iframe.elementHandle())!.contentFrame();
  return frame!;
}
