import "server-only";
import { CATALOGS } from "@/lib/i18n/messages";
import type { TLanguage } from "@/lib/i18n/languages";

/** Seconds a browser (or a crawler) is asked to wait before asking again for a page while the database is away. */
export const PAGE_RETRY_AFTER_SECONDS = 30;

/**
 * The page shown while the database cannot be reached (proxy.ts): 503 with Retry-After, never cached, in the
 * visitor's language, plain HTML with no script or style (it must work whatever else is broken), and it asks again
 * by itself after Retry-After. The caller adds the security headers.
 */
export function unavailablePage(language: TLanguage, path: string): Response {
  const t = CATALOGS[language].unavailable;
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
  const html =
    `<!doctype html><html lang="${language}"><head><meta charset="utf-8">` +
    `<meta name="viewport" content="width=device-width, initial-scale=1">` +
    `<meta http-equiv="refresh" content="${PAGE_RETRY_AFTER_SECONDS}">` +
    `<meta name="robots" content="noindex">` +
    `<title>${escape(t.title)}</title></head><body><main>` +
    `<h1>${escape(t.title)}</h1><p>${escape(t.body)}</p>` +
    `<p><a href="${escape(path)}">${escape(t.retry)}</a></p>` +
    `</main></body></html>`;
  return new Response(html, {
    status: 503,
    headers: {
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-store",
      "retry-after": String(PAGE_RETRY_AFTER_SECONDS),
    },
  });
}
