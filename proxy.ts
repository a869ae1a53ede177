import { NextResponse, type NextRequest } from "next/server";

const LANGUAGES = new Set(["en", "fr", "ru", "kk"]);

/**
 * A page opened with ?lang=xx is shown in that language, and the choice is remembered in a cookie for the next
 * pages. The header lets the root layout (which cannot read the query string) agree with the page.
 */
export function proxy(request: NextRequest) {
  const lang = request.nextUrl.searchParams.get("lang");
  if (!lang || !LANGUAGES.has(lang)) return NextResponse.next();
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-ul-lang", lang);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.cookies.set("ul-lang", lang, { path: "/", sameSite: "lax", maxAge: 60 * 60 * 24 * 365 });
  return response;
}

export const config = {
  matcher: ["/((?!api|_next|embed\\.js|favicon\\.ico).*)"],
};
