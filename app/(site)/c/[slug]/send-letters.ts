"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { actionInputFromForm } from "@/lib/actions/action-input-from-form";
import { submissionOptions } from "@/lib/actions/submission-options";
import { submitAction } from "@/lib/actions/submit-action";
import { db } from "@/lib/db/client";
import { wakeWorker } from "@/lib/delivery/worker";
import { AppError } from "@/lib/errors/app-error";
import { isLanguage } from "@/lib/i18n/languages";
import { getLanguage } from "@/lib/i18n/server";
import { ZIdempotencyKey } from "@/lib/schemas/action-input";
import type { TSendState } from "@/lib/actions/send-state";

/**
 * The composer's form as a plain POST: what a browser without JavaScript sends (with JavaScript the composer posts
 * to /api/v1/actions itself). The same submission as the API; a refusal comes back with what was typed and the codes
 * of the bad fields, so the page shows the form again, filled in, with each message next to its field.
 */
export async function sendLetters(_previous: TSendState, form: FormData): Promise<TSendState> {
  const values = actionInputFromForm(form);
  const shown = form.get("pageLanguage");
  const pageLanguage = isLanguage(shown) ? shown : await getLanguage();
  const key = ZIdempotencyKey.safeParse(form.get("idempotencyKey"));
  let target: string;
  try {
    const result = await submitAction(await db(), values, {
      // The key was written into the page: sending the same page twice (a double click) makes one action.
      idempotencyKey: key.success ? key.data : undefined,
      ...submissionOptions(await headers(), pageLanguage),
    });
    if (result.created) wakeWorker();
    target = `/c/${encodeURIComponent(result.campaign.slug)}/thanks?action=${result.id}&lang=${pageLanguage}`;
  } catch (error) {
    if (error instanceof AppError && error.code === "INVALID_INPUT") {
      return { values, errors: error.errors.map((e) => ({ path: e.path, code: e.code ?? "validation.required" })) };
    }
    if (error instanceof AppError && error.code === "TOO_MANY_REQUESTS") return { values, formError: "send.tooMany" };
    console.error(error);
    return { values, formError: "send.failed" };
  }
  // Outside the try: redirect() works by throwing.
  redirect(target);
}
