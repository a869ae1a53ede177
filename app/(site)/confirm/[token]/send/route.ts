import { NextResponse } from "next/server";
import { confirmAction } from "@/lib/actions/confirm-action";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { withProblems } from "@/lib/http/problem";

export const dynamic = "force-dynamic";

/**
 * The button on the confirmation page (a plain form POST: it works without JavaScript and behind any proxy): confirms
 * once, then shows the thank-you page. Only someone holding the emailed token can reach it.
 */
export async function POST(_request: Request, { params }: { params: Promise<{ token: string }> }) {
  // withProblems: a database lost mid-confirmation answers 503 with Retry-After, and pressing again is safe (a
  // second confirmation only shows the letters).
  return withProblems(async () => {
    const { token } = await params;
    const result = await confirmAction(await db(), token, new Date());
    const base = publicUrl();
    const target =
      result.outcome === "confirmed" || result.outcome === "already-confirmed"
        ? `${base}/c/${result.campaignSlug}/thanks?action=${result.actionId}`
        : `${base}/confirm-result?reason=${result.outcome}`;
    return NextResponse.redirect(target, { status: 303, headers: { "cache-control": "no-store" } });
  });
}
