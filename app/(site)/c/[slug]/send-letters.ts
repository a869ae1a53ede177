"use server";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { actionInputFromForm } from "@/lib/actions/action-input-from-form";
import { submissionOptions } from "@/lib/actions/submission-options";
import { emitActionConfirmed } from "@/lib/webhooks/emit-event";
import { submitAction } from "@/lib/actions/submit-action";
import { serverAction } from "@/lib/http/server-action";
import { botCheckCode } from "@/lib/bot-check/bot-check-refused";
import { checkFormSubmission } from "@/lib/bot-check/check-form-submission";
import { FORM_STAMP_FIELD, TRAP_FIELD } from "@/lib/bot-check/form-fields";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { getCampaigner } from "@/lib/auth/get-campaigner";
import type { TDb } from "@/lib/db/open";
import { db } from "@/lib/db/client";
import { wakeWorker } from "@/lib/delivery/worker";
import { AppError } from "@/lib/errors/app-error";
import { isLanguage } from "@/lib/i18n/languages";
import { getLanguage } from "@/lib/i18n/server";
import { templatesForLanguage, toComposeCampaign } from "@/lib/letters/compose-letters";
import { loadTemplates } from "@/lib/letters/load-templates";
import { ZIdempotencyKey, type TActionInputForm } from "@/lib/schemas/action-input";
import type { TSendState } from "@/lib/actions/send-state";

/**
 * The composer's form as a plain POST: what a browser without JavaScript sends (with JavaScript the composer posts
 * to /api/v1/actions itself). The same submission as the API; a refusal comes back with what was typed and the codes
 * of the bad fields, so the page shows the form again, filled in, with each message next to its field.
 * No proof of work can run here, so the bot check is the form's own: an empty trap field and a time stamp.
 */
export const sendLetters = serverAction({ access: "public" }, async (_previous: TSendState, form: FormData): Promise<TSendState> => {
  const values = actionInputFromForm(form);
  const shown = form.get("pageLanguage");
  const pageLanguage = isLanguage(shown) ? shown : await getLanguage();
  const key = ZIdempotencyKey.safeParse(form.get("idempotencyKey"));
  const stamp = form.get(FORM_STAMP_FIELD);
  // The stamp goes back with a refusal while it can still be used: the time spent on the form keeps counting.
  const sameStamp = typeof stamp === "string" ? stamp : undefined;
  const database = await db();
  // Refused: the form again, with what was typed, and the letters in the language chosen.
  const refuse = async (state: Omit<TSendState, "values" | "templates">): Promise<TSendState> => ({
    values,
    templates: await templatesFor(database, values),
    ...state,
  });
  let target: string;
  try {
    const requestHeaders = await headers();
    const options = submissionOptions(requestHeaders, pageLanguage);
    const proof = checkFormSubmission({ stamp, trap: form.get(TRAP_FIELD) }, options.now);
    const result = await submitAction(database, values, {
      // The key was written into the page: sending the same page twice (a double click) makes one action.
      idempotencyKey: key.success ? key.data : undefined,
      proof,
      ...options,
      testSubmitter: async () => (await getCampaigner(requestHeaders))?.email,
    });
    // An embed's action confirmed as it is made (print, own mail app): its partner hears so now (see the API route).
    if (result.created && result.status === "confirmed" && result.input?.partner) await emitActionConfirmed(database, result.id, options.now);
    if (result.created) wakeWorker();
    target = resultAddress(form.get("resultPath"), result.campaign.slug, result.id, pageLanguage);
  } catch (error) {
    const check = error instanceof AppError ? botCheckCode(error) : undefined;
    // Too soon: the same stamp, whose time goes on. The trap: the form comes back with it empty (an autofill may have
    // filled it), the stamp still good. An old or spent stamp: the page's fresh one.
    if (check === "botCheck.tooFast") return refuse({ formError: "send.tooFast", formStamp: sameStamp });
    if (check === "botCheck.trap") return refuse({ formError: "send.checkAgain", formStamp: sameStamp });
    if (check) return refuse({ formError: "send.checkAgain" });
    if (error instanceof AppError && error.code === "INVALID_INPUT") {
      // Refused before anything was written: the stamp was not spent.
      return refuse({ errors: error.errors.map((e) => ({ path: e.path, code: e.code ?? "validation.required" })), formStamp: sameStamp });
    }
    if (error instanceof AppError && error.code === "CONFLICT" && error.errors[0]?.code === "validation.campaignTestMode") {
      return refuse({ formError: "validation.campaignTestMode", formStamp: sameStamp });
    }
    if (error instanceof AppError && error.code === "TOO_MANY_REQUESTS") return refuse({ formError: "send.tooMany" });
    console.error(error);
    return refuse({ formError: "send.failed" });
  }
  // Outside the try: redirect() works by throwing.
  redirect(target);
});

/**
 * Where the result opens: the case page's thank-you page, or (for the form in a partner's frame) the embed's own
 * with the embed's partner and theme; nothing else a posted field could name.
 */
function resultAddress(posted: FormDataEntryValue | null, slug: string, actionId: string, language: string): string {
  const embed = `/embed/${encodeURIComponent(slug)}/thanks`;
  const query = new URLSearchParams();
  const inEmbed = typeof posted === "string" && (posted === embed || posted.startsWith(`${embed}?`));
  if (inEmbed) {
    const given = new URLSearchParams((posted as string).slice(embed.length + 1));
    for (const name of ["partner", "theme"]) {
      const value = given.get(name);
      if (value) query.set(name, value);
    }
  }
  query.set("action", actionId);
  query.set("lang", language);
  return `${inEmbed ? embed : `/c/${encodeURIComponent(slug)}/thanks`}?${query}`;
}

/** The templates the letters of `values` are written from (none for a campaign that does not exist). */
async function templatesFor(database: TDb, values: TActionInputForm) {
  const campaign = typeof values.campaign === "string" ? await getCampaign(database, values.campaign) : null;
  if (!campaign) return [];
  const language = isLanguage(values.language) ? values.language : undefined;
  return templatesForLanguage(toComposeCampaign(campaign), await loadTemplates(database, campaign.slug), language);
}
