/**
 * The sample supporter of the template editor's preview: one schema for the editor's form and for
 * POST /api/admin/templates/preview. English messages: the admin is in English.
 */
import { z } from "zod";
import { isCountryCode } from "./countries";
import { CITY_MAX, NAME_MAX, PERSONAL_NOTE_MAX } from "./letter-input";
import { isSafeLine, isSafeText } from "./text-rules";

const line = (max: number) =>
  z
    .string({ message: "required" })
    .trim()
    .min(1, { message: "required" })
    .max(max, { message: `at most ${max} characters` })
    .refine(isSafeLine, { message: "one line, without control characters" });

export const ZPreviewSample = z.object({
  name: line(NAME_MAX),
  signAs: z.enum(["full", "initials"]),
  city: line(CITY_MAX),
  country: z
    .string({ message: "a country code such as CA" })
    .trim()
    .toUpperCase()
    .refine(isCountryCode, { message: "a country code such as CA" }),
  personalNote: z
    .string()
    .max(PERSONAL_NOTE_MAX, { message: `at most ${PERSONAL_NOTE_MAX} characters` })
    .refine(isSafeText, { message: "without control characters" }),
  recipientId: z.string({ message: "choose a recipient" }).min(1, { message: "choose a recipient" }).max(100),
});
export type TPreviewSample = z.output<typeof ZPreviewSample>;

/** The doc is checked by the template's own schema (lib/content/docs.ts), so its errors name the doc's fields. */
export const ZTemplatePreviewRequest = z.object({
  slug: z.string().max(100),
  audienceId: z.string().max(100),
  language: z.string().max(8),
  doc: z.unknown(),
  sample: ZPreviewSample,
});
