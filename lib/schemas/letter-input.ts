/**
 * The letter input (ZLetterInput in DESIGN.md): one schema for the form in the browser (react-hook-form) and for
 * the server (POST /api/v1/letters/preview, and the action submission built on it).
 *
 * Messages are keys of the `validation` section of the UI catalogs, so the form shows them in the page's language;
 * the server answers them in English (lib/http/validation-message.ts).
 */
import { z } from "zod";
import { LANGUAGES } from "@/lib/i18n/languages";
import { isCountryCode } from "./countries";
import { SLUG } from "./ids";
import { isSafeDisplayName, isSafeLine, isSafeText } from "./text-rules";

export const PERSONAL_NOTE_MAX = 2000;
export const NAME_MAX = 120;
export const CITY_MAX = 100;
export const ADDRESS_MAX = 500;
export const RECIPIENTS_MAX = 50;

const EMAIL = z.email();

/** One line of text: it may end up in a mail header (lib/schemas/text-rules.ts). */
const line = (max: number) =>
  z
    .string({ message: "validation.required" })
    .trim()
    .min(1, { message: "validation.required" })
    .max(max, { message: "validation.tooLong" })
    .refine(isSafeLine, { message: "validation.oneLine" });

const block = (max: number, tooLong = "validation.tooLong") =>
  z
    .string()
    .max(max, { message: tooLong })
    .refine(isSafeText, { message: "validation.unsafeCharacters" })
    .transform((v) => v.replace(/\r\n?/g, "\n").trim());

export const ZSupporter = z.object({
  // The name goes into From and Reply-To as a display name: it must not pass for an address there.
  // (Checked only once the line itself is fine, so one bad name is one error.)
  name: line(NAME_MAX).refine((v) => !isSafeLine(v) || isSafeDisplayName(v), { message: "validation.nameLikeAddress" }),
  // Only sending by email for the supporter needs it (ZActionInput requires it there); empty means none.
  email: z
    .string({ message: "validation.email" })
    .trim()
    .max(254, { message: "validation.tooLong" })
    .refine((v) => v === "" || (isSafeLine(v) && EMAIL.safeParse(v).success), { message: "validation.email" })
    .transform((v) => v || undefined)
    .optional(),
  city: line(CITY_MAX),
  country: z
    .string({ message: "validation.country" })
    .trim()
    .toUpperCase()
    .refine(isCountryCode, { message: "validation.country" }),
  address: block(ADDRESS_MAX).optional(),
});

export const ZLetterInputBase = z.object({
  campaign: z
    .string({ message: "validation.required" })
    .min(1, { message: "validation.required" })
    .max(100, { message: "validation.campaign" })
    .regex(SLUG, { message: "validation.campaign" }),
  language: z.enum(LANGUAGES, { message: "validation.language" }).optional(),
  supporter: ZSupporter,
  signAs: z.enum(["full", "initials"]).optional(),
  personalNote: block(PERSONAL_NOTE_MAX, "validation.noteTooLong").optional(),
  recipients: z
    .array(z.string().max(100), { message: "validation.recipients" })
    .min(1, { message: "validation.recipients" })
    .max(RECIPIENTS_MAX, { message: "validation.recipients" }),
});

/** What a campaign allows: the recipient ids and the letter languages it has. */
export type TCampaignRules = { slug: string; recipientIds: readonly string[]; languages: readonly string[] };

/**
 * The fields whose rules depend on the campaign: recipients from its list, a language it has. Field-level, so a
 * bad recipient is reported together with every other bad field.
 */
export function campaignFields(rules: TCampaignRules) {
  return {
    campaign: ZLetterInputBase.shape.campaign.refine((slug) => slug === rules.slug, { message: "validation.campaign" }),
    language: z
      .enum(LANGUAGES, { message: "validation.language" })
      .refine((language) => rules.languages.includes(language), { message: "validation.language" })
      .optional(),
    recipients: z
      .array(
        z.string({ message: "validation.recipientUnknown" }).refine((id) => rules.recipientIds.includes(id), { message: "validation.recipientUnknown" }),
        { message: "validation.recipients" },
      )
      .min(1, { message: "validation.recipients" })
      .max(RECIPIENTS_MAX, { message: "validation.recipients" })
      .refine((ids) => new Set(ids).size === ids.length, { message: "validation.recipientsRepeated" }),
  };
}

/** The letter input, checked against one campaign. */
export function letterInputSchemaFor(rules: TCampaignRules) {
  return ZLetterInputBase.extend(campaignFields(rules));
}

export type TLetterInput = z.output<typeof ZLetterInputBase>;
export type TLetterInputForm = z.input<typeof ZLetterInputBase>;
