/**
 * A supporter's submission (ZActionInput in DESIGN.md): the letter input, how to deliver, and consents. The same
 * schema serves the form's Send step and POST /api/v1/actions.
 */
import { z } from "zod";
import { LANGUAGES } from "@/lib/i18n/languages";
import { ZLetterInputBase, campaignFields, type TCampaignRules } from "./letter-input";

export const DELIVERY = ["email", "mailto", "post"] as const;
export type TDelivery = (typeof DELIVERY)[number];

const actionFields = {
  delivery: z.enum(DELIVERY, { message: "validation.delivery" }),
  /**
   * The supporter ticked "<partner> may contact me" on the partner's own form (through the partner API): the sentence exactly as shown, in the
   * language it was shown in. Only a request with the partner's API key records it, for that partner (the embed
   * ticks `consent.partner`, below, with the app's own wording); without either the partner's webhooks never carry
   * the supporter's name or email.
   */
  partnerConsent: z
    .object({
      wording: z.string({ message: "validation.required" }).trim().min(1, { message: "validation.required" }).max(1000, { message: "validation.tooLong" }),
      language: z.enum(LANGUAGES, { message: "validation.language" }),
    })
    .optional(),
  /** `partner`: the supporter ticked "<partner> may contact me" (offered on that partner's embed only). */
  consent: z.object({ updates: z.boolean().optional(), partner: z.boolean().optional() }).optional(),
  /**
   * The code of the partner whose embed the letters were sent from. Recorded only when that partner is known and
   * active, and otherwise ignored without a word (a page could name any partner); a partner's API key overrides it.
   */
  partner: z.string().max(40).optional(),
};

const ZActionInputFields = ZLetterInputBase.extend(actionFields);

/** Sending by email for the supporter needs their address (for the confirmation link); the other ways do not. */
function emailWhenSentByEmail(input: z.output<typeof ZActionInputFields>, ctx: z.RefinementCtx) {
  if (input.delivery === "email" && !input.supporter?.email) {
    ctx.addIssue({ code: "custom", path: ["supporter", "email"], message: "validation.emailNeeded" });
  }
}

export const ZActionInputBase = ZActionInputFields.superRefine(emailWhenSentByEmail);

/** The action input checked against one campaign (its recipients and languages). */
export function actionInputSchemaFor(rules: TCampaignRules) {
  return ZActionInputFields.extend(campaignFields(rules)).superRefine(emailWhenSentByEmail);
}

export type TActionInput = z.output<typeof ZActionInputFields>;

/** An Idempotency-Key header: printable ASCII, at most 200 characters. */
export const ZIdempotencyKey = z.string().regex(/^[\x21-\x7E]{1,200}$/, { message: "expected 1 to 200 printable characters" });

export type TActionInputForm = z.input<typeof ZActionInputFields>;
