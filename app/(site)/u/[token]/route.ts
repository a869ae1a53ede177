import { NextResponse } from "next/server";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { methodNotAllowed, route } from "@/lib/http/route";
import { isLanguage } from "@/lib/i18n/languages";
import { unsubscribe } from "@/lib/news/unsubscribe";

export const dynamic = "force-dynamic";

const params = z.object({ token: z.string().max(200) });

function pageOf(request: Request, token: string): string {
  const shown = new URL(request.url).searchParams.get("lang");
  return `${publicUrl()}/unsubscribe/${encodeURIComponent(token)}${isLanguage(shown) ? `?lang=${shown}` : ""}`;
}

/**
 * The news emails' List-Unsubscribe address. POST unsubscribes at once, with no further step (RFC 8058 one-click:
 * a mail app posts `List-Unsubscribe=One-Click` here; the page's button posts the same), then shows the page that
 * says so. An unknown token changes nothing and gets the same page, which says the link is not known.
 */
export const POST = route({ params }, async (request, { token }) => {
  await unsubscribe(await db(), token, new Date());
  return NextResponse.redirect(pageOf(request, token), { status: 303, headers: { "cache-control": "no-store" } });
});

/** A GET changes nothing (mail scanners open links): it shows the page with the button. */
export const GET = route({ params }, async (request, { token }) =>
  NextResponse.redirect(pageOf(request, token), { status: 303, headers: { "cache-control": "no-store" } }),
);

const refuse = methodNotAllowed("GET", "POST");
export { refuse as PUT, refuse as PATCH, refuse as DELETE };
