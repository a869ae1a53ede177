/**
 * The editable pieces of content, each in the shape of its file in templates/ (templates/README.md): what the admin
 * edits, what a version stores, what import reads and export writes. One schema each, from content-schema.ts, for
 * the files, the admin's forms and the server.
 */
import { z } from "zod";
import { LANGUAGES, type TLanguage } from "@/lib/i18n/languages";
import { ZCampaignFile, ZContentFrontMatter, ZLetterFrontMatter, ZPartnerFile, ZRecipientFile } from "@/lib/templates/content-schema";

export const ZRecipientDoc = ZRecipientFile;
export type TRecipientDoc = z.output<typeof ZRecipientDoc>;

const ZCampaignText = ZContentFrontMatter.extend({ background: z.string().trim().min(1, { message: "must not be empty" }) });
export type TCampaignText = z.output<typeof ZCampaignText>;

/** campaign.yaml and the campaign's texts per language (content.<language>.md: title, summary, background). */
export const ZCampaignDoc = z.strictObject({
  campaign: ZCampaignFile,
  content: z.strictObject(
    Object.fromEntries(LANGUAGES.map((l) => [l, l === "en" ? ZCampaignText : ZCampaignText.optional()])) as {
      en: typeof ZCampaignText;
    } & Record<Exclude<TLanguage, "en">, z.ZodOptional<typeof ZCampaignText>>,
  ),
});
export type TCampaignDoc = z.output<typeof ZCampaignDoc>;

/** One letter template: letters/<audience>.<language>.md (subjects and review in front matter, then the body). */
export const ZTemplateDoc = ZLetterFrontMatter.extend({ body: z.string().min(1, { message: "must not be empty" }) });
export type TTemplateDoc = z.output<typeof ZTemplateDoc>;

/**
 * A partner organisation: templates/partners/<code>.yaml. `active: false` (written only when so) keeps the partner
 * and its history but stops its embed being framed and its actions being attributed; the file format leaves it out
 * otherwise, so a partner file without it is an active partner.
 */
export const ZPartnerDoc = ZPartnerFile.extend({ active: z.boolean({ message: "expected true or false" }).optional() });
export type TPartnerDoc = z.output<typeof ZPartnerDoc>;

export type TEntity = "campaign" | "template" | "recipient" | "partner";

export function templateKey(slug: string, audienceId: string, language: string): string {
  return `${slug}/${audienceId}/${language}`;
}

export function parseTemplateKey(key: string): { slug: string; audienceId: string; language: TLanguage } {
  const [slug = "", audienceId = "", language = ""] = key.split("/");
  return { slug, audienceId, language: language as TLanguage };
}

/** The same data whatever the order of an object's keys: how "did this save change anything" is decided. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => a.localeCompare(b)))
      : v,
  );
}
