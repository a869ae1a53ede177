import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import { DATA_CSP, contentSecurityPolicy, isEmbedPath, staticSecurityHeaders } from "@/lib/http/security-headers";
import { db } from "@/lib/db/client";
import { getActivePartner } from "@/lib/partners/get-active-partner";
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type TLanguage } from "@/lib/i18n/languages";
import { LANGUAGE_COOKIE, languageFromAcceptLanguage } from "@/lib/i18n/server";
import { unavailablePage } from "@/lib/http/unavailable-page";
import { inDatabaseOutage } from "@/lib/server/database-outage";

const DEV = process.env.NODE_ENV === "development";
const https = () => (env().PUBLIC_URL ?? "").startsWith("https://");

/**
 * Runs before every page and route handler:
 * - a path Next.js cannot decode (`/c/%ff`) is answered here, as a 400 with the security headers, instead of the
 *   plain-text 500 Next.js would give;
 * - every answer gets the security headers, and pages a Content-Security-Policy with a nonce made for this request
 *   (Next.js reads it from the request's CSP header and puts it on its own scripts);
 * - a page opened with ?lang=xx is shown in that language, remembered in a cookie for the next pages; the header
 *   lets the root layout (which cannot read the query string) agree with the page;
 * - while the database is away (a page just met a connection error: lib/http/with-database.ts), a page is answered
 *   503 with Retry-After and a page saying so in the visitor's language, rather than rendered to fail again;
 * - the partner embed (/embed/*) may be framed by its partner's allowed origins only (frame-ancestors, looked up
 *   here: a page cannot set its own headers), speaks the language of its ?lang= (English without one) and sets no
 *   cookie: a frame on another site must leave nothing behind.
 */
export async function proxy(request: NextRequest) {
  const pathname = request.nextUrl.pathname;
  const isData = pathname.startsWith("/api/") || pathname.startsWith("/dev-mail-attachment/");
  if (!decodable(rawPath(request.url))) return badPath(isData);

  const requestHeaders = new Headers(request.headers);
  const embed = isEmbedPath(pathname);
  let csp = DATA_CSP;
  if (!isData) {
    const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
    const partnerOrigins = embed ? await embedOrigins(request.nextUrl.searchParams.get("partner")) : undefined;
    csp = contentSecurityPolicy({ nonce, pathname, dev: DEV, partnerOrigins });
    requestHeaders.set("content-security-policy", csp);
    requestHeaders.set("x-nonce", nonce);
  }
  const lang = request.nextUrl.searchParams.get("lang");
  const chosen = lang && (LANGUAGES as readonly string[]).includes(lang) ? lang : undefined;
  // Only reads: a form's POST (a server action) still runs and answers for itself, with what was typed.
  if (!isData && (request.method === "GET" || request.method === "HEAD") && inDatabaseOutage()) {
    const response = unavailablePage(visitorLanguage(request, chosen), `${request.nextUrl.pathname}${request.nextUrl.search}`);
    secure(response.headers, DATA_CSP);
    return response;
  }
  if (chosen) requestHeaders.set("x-ul-lang", chosen);
  else if (embed) requestHeaders.set("x-ul-lang", DEFAULT_LANGUAGE);
  // The client's address as the rate limits see it (lib/http/client-address.ts), for the admin's sign-in limits
  // (better-auth reads this header only); a value a client sent is replaced.
  requestHeaders.set("x-ul-client", clientAddress(request.headers, env().TRUSTED_PROXIES));
  // The language switch links to this same address; a server component cannot read it otherwise.
  requestHeaders.set("x-ul-url", `${request.nextUrl.pathname}${request.nextUrl.search}`);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  secure(response.headers, csp);
  if (chosen && !embed) response.cookies.set("ul-lang", chosen, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  return response;
}

/** The origins that may frame the embed of the partner `code` (none for an unknown or inactive one, or no database). */
async function embedOrigins(code: string | null): Promise<string[]> {
  try {
    return (await getActivePartner(await db(), code))?.allowedOrigins ?? [];
  } catch {
    // The page itself meets the outage and answers 503; framing stays refused meanwhile.
    return [];
  }
}

/** The language a page would be shown in (lib/i18n/server.ts getLanguage, read from the request itself). */
function visitorLanguage(request: NextRequest, chosen: string | undefined): TLanguage {
  if (isLanguage(chosen)) return chosen;
  const fromCookie = request.cookies.get(LANGUAGE_COOKIE)?.value;
  if (isLanguage(fromCookie)) return fromCookie;
  return languageFromAcceptLanguage(request.headers.get("accept-language")) ?? DEFAULT_LANGUAGE;
}

function secure(headers: Headers, csp: string) {
  headers.set("Content-Security-Policy", csp);
  for (const [name, value] of staticSecurityHeaders({ https: https() })) headers.set(name, value);
}

/** The path as the client sent it, before anything decoded it. */
function rawPath(url: string): string {
  const afterHost = url.replace(/^[a-z]+:\/\/[^/]+/i, "");
  return afterHost.split(/[?#]/)[0] ?? "/";
}

function decodable(path: string): boolean {
  try {
    decodeURIComponent(path);
    return !path.includes("%00");
  } catch {
    return false;
  }
}

function badPath(isData: boolean) {
  const title = "This address is not valid: it has a malformed %-escape.";
  const response = isData
    ? new NextResponse(JSON.stringify({ type: "about:blank#bad-request", title, status: 400, errors: [{ path: "(url)", code: "badPath", message: title }] }), {
        status: 400,
        headers: { "content-type": "application/problem+json" },
      })
    : new NextResponse(`<!doctype html><html lang="en"><meta charset="utf-8"><title>Bad address</title><p>${title} <a href="/">Go to the home page</a>.</p></html>`, {
        status: 400,
        headers: { "content-type": "text/html; charset=utf-8" },
      });
  secure(response.headers, isData ? DATA_CSP : "default-src 'none'; style-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  return response;
}

export const config = {
  // Everything but Next.js's own static files (next.config.ts gives those the static headers).
  matcher: ["/((?!_next/static|_next/image).*)"],
};
