/**
 * A supporter's submission (ZActionInput in DESIGN.md): the letter input, how to deliver, and consents. The same
 * schema serves the form's Send step and POST /api/v1/actions.
 */
import { z } from "zod";
import { ZLetterInputBase, campaignFields, type TCampaignRules } from "./letter-input";

export const DELIVERY = ["email", "mailto", "post"] as const;
export type TDelivery = (typeof DELIVERY)[number];

const actionFields = {
  delivery: z.enum(DELIVERY, { message: "validation.delivery" }),
  consent: z.object({ updates: z.boolean().optional() }).optional(),
};

export const ZActionInputBase = ZLetterInputBase.extend(actionFields);

/** The action input checked against one campaign (its recipients and languages). */
export function actionInputSchemaFor(rules: TCampaignRules) {
  return ZActionInputBase.extend(campaignFields(rules));
}

export type TActionInput = z.output<typeof ZActionInputBase>;

/** An Idempotency-Key header: printable ASCII, at most 200 characters. */
export const ZIdempotencyKey = z.string().regex(/^[\x21-\x7E]{1,200}$/, { message: "expected 1 to 200 printable characters" });

export type TActionInputForm = z.input<typeof ZActionInputBase>;
