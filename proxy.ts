import { NextResponse, type NextRequest } from "next/server";

const LANGUAGES = new Set(["en", "fr", "ru", "kk"]);

/**
 * A page opened with ?lang=xx is shown in that language, and the choice is remembered in a cookie for the next
 * pages. The header lets the root layout (which cannot read the query string) agree with the page; x-ul-url gives
 * the layout's language switch the page's own address.
 */
export function proxy(request: NextRequest) {
  const lang = request.nextUrl.searchParams.get("lang");
  const requestHeaders = new Headers(request.headers);
  // The language switch links to this same address; a server component cannot read it otherwise.
  requestHeaders.set("x-ul-url", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  if (!lang || !LANGUAGES.has(lang)) return NextResponse.next({ request: { headers: requestHeaders } });
  requestHeaders.set("x-ul-lang", lang);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.cookies.set("ul-lang", lang, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  return response;
}

export const config = {
  matcher: ["/((?!api|_next|embed\\.js|favicon\\.ico).*)"],
};
