import { NextResponse } from "next/server";
import { confirmAction } from "@/lib/actions/confirm-action";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { methodNotAllowed, route } from "@/lib/http/route";
import { isLanguage } from "@/lib/i18n/languages";
import { z } from "zod";

export const dynamic = "force-dynamic";

/**
 * The button on the confirmation page (a plain form POST: it works without JavaScript and behind any proxy): confirms
 * once, then shows the thank-you page. Only someone holding the emailed token can reach it.
 */
// route(): a database lost mid-confirmation answers 503 with Retry-After, and pressing again is safe (a second
// confirmation only shows the letters).
export const POST = route({ params: z.object({ token: z.string().max(200) }) }, async (request, { token }) => {
  const result = await confirmAction(await db(), token, new Date());
  const base = publicUrl();
  // The language the confirmation page was shown in (the form says it), so the next page speaks it too.
  const shown = new URL(request.url).searchParams.get("lang");
  const lang = isLanguage(shown) ? `&lang=${shown}` : "";
  const target =
    result.outcome === "confirmed" || result.outcome === "already-confirmed"
      ? `${base}/c/${result.campaignSlug}/thanks?action=${result.actionId}${lang}`
      : `${base}/confirm-result?reason=${result.outcome}${lang}`;
  return NextResponse.redirect(target, { status: 303, headers: { "cache-control": "no-store" } });
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
