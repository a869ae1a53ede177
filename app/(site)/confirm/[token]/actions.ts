"use server";

import { redirect } from "next/navigation";
import { confirmAction } from "@/lib/actions/confirm-action";
import { db } from "@/lib/db/client";

/** The button on the confirmation page: confirms once, then shows the thank-you page. */
export async function confirmLetters(form: FormData): Promise<never> {
  const token = String(form.get("token") ?? "");
  const result = await confirmAction(await db(), token, new Date());
  if (result.outcome === "confirmed" || result.outcome === "already-confirmed") {
    redirect(`/c/${result.campaignSlug}/thanks?action=${result.actionId}`);
  }
  redirect(`/confirm-result?reason=${result.outcome}`);
}
