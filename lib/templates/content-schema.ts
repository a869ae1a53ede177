/**
 * The shape of the content files in templates/ (documented in templates/README.md). Every object is strict: a field
 * the README does not list is an error, so a typo cannot silently drop a fact. The admin's forms validate with the
 * same schemas in the browser, so this file stays free of server-only code.
 */
import { z } from "zod";
import { LANGUAGES, type TLanguage } from "@/lib/i18n/languages";
import { ZEmbedTheme } from "@/lib/embed/theme";
import { RECIPIENT_KINDS } from "./recipient-kinds";

export const ZLanguage = z.enum(LANGUAGES, { message: `expected one of ${LANGUAGES.join(", ")}` });

const text = z.string({ message: "expected text" }).trim().min(1, { message: "must not be empty" });

/** One entry per site language (lib/i18n/languages.ts), English required and the others optional. */
function perLanguage<T extends z.ZodType>(value: T) {
  const shape = Object.fromEntries(LANGUAGES.map((language) => [language, language === "en" ? value : value.optional()]));
  return z.strictObject(shape as { en: T } & Record<Exclude<TLanguage, "en">, z.ZodOptional<T>>);
}
const localized = perLanguage(text);
const localizedList = perLanguage(z.array(text).min(1));

const id = z
  .string({ message: "expected an id" })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "expected lowercase letters, digits and single dashes" });

/**
 * Words the admin's own pages use where an id goes in a path (/admin/campaigns/new, /admin/campaigns/import-export,
 * /admin/recipients/new): a campaign or recipient with such an id could never be opened in the admin.
 */
export const RESERVED_IDS = ["new", "import-export"] as const;

/** An id that is also a path segment in the admin. */
const pageId = id.refine((value) => !(RESERVED_IDS as readonly string[]).includes(value), {
  message: `"new" and "import-export" name the admin's own pages: choose another`,
});

/** A calendar date that exists (2025-02-30 is refused). */
export const ZIsoDate = z.iso.date({ message: "expected a date written YYYY-MM-DD" });

function isPartialDate(value: string): boolean {
  if (/^\d{4}$/.test(value)) return true;
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(value)) return true;
  return ZIsoDate.safeParse(value).success;
}

/**
 * A date as precise as the source: YYYY, YYYY-MM or YYYY-MM-DD, or, when the sources only bound it, an interval
 * START/END of two such dates ("2025-11/2026"), START not after END.
 */
export const ZPartialDate = z.string({ message: "expected a date" }).refine(
  (value) => {
    const parts = value.split("/");
    if (parts.length > 2 || !parts.every(isPartialDate)) return false;
    return parts.length === 1 || parts[0]! <= parts[1]!;
  },
  { message: "expected a date written YYYY, YYYY-MM or YYYY-MM-DD, or an interval START/END of two of them" },
);

/**
 * Short campaign text with inline Markdown (links, emphasis). Links may only go to https:// pages or to this site's
 * own paths, so a content file cannot send a supporter to a javascript: or plain-http address.
 */
const inlineMarkdown = text.refine(
  (value) => [...value.matchAll(/\]\(([^)\s]*)/g)].every((m) => /^(https:\/\/|\/(?!\/))/.test(m[1] ?? "")),
  { message: "links may only point to https:// addresses or to a path on this site (/c/…)" },
);
const localizedMarkdown = perLanguage(inlineMarkdown);

/** Where a fact comes from: one or more documents or URLs, separated by "; ". */
const source = z.string({ message: "record the source" }).trim().min(1, { message: "record the source" });

export const ZCountryCode = z.string().regex(/^[A-Z]{2}$/, { message: "expected an ISO 3166-1 alpha-2 code such as KZ" });

export const ZRecipientFile = z
  .strictObject({
    id: pageId,
    kind: z.enum(RECIPIENT_KINDS, { message: `expected one of ${RECIPIENT_KINDS.join(", ")}` }),
    /** The name in one script, or per language where a source gives it in the letter's script. */
    name: z.union([text, localized]).optional(),
    role: localized,
    organisation: localized,
    country: ZCountryCode,
    address: z.array(text).min(2, { message: "expected the address as a list of lines" }).optional(),
    email: z.email({ message: "expected an email address" }).optional(),
    channels: z.array(z.enum(["email", "post"])).min(1),
    salutation: localized,
    envelopeName: text.optional(),
    servesCountries: z.array(ZCountryCode).min(1).optional(),
    emailCheck: z.literal("needed").optional(),
    addressCheck: z.literal("needed").optional(),
    timeZone: text
      .refine(
        (zone) => {
          try {
            new Intl.DateTimeFormat("en", { timeZone: zone });
            return true;
          } catch {
            return false;
          }
        },
        { message: "expected an IANA time zone such as Asia/Almaty" },
      )
      .optional(),
    source: z.array(text).min(1, { message: "record at least one source" }),
    verifiedOn: ZIsoDate,
    notes: text.optional(),
  })
  .superRefine((r, ctx) => {
    if (r.channels.includes("email") && !r.email) {
      ctx.addIssue({ code: "custom", path: ["channels"], message: "the email channel needs a verified email" });
    }
    if (r.channels.includes("post") && !r.address) {
      ctx.addIssue({ code: "custom", path: ["channels"], message: "the post channel needs an address" });
    }
  });

export const ZAudienceFile = z.strictObject({
  id,
  title: localized,
  defaultLanguage: ZLanguage,
  recipients: z.array(id).min(1),
  preselected: z.array(id).optional(),
  demands: localizedList,
});

export const ZCampaignFile = z.strictObject({
  slug: pageId,
  status: z.enum(["draft", "live", "paused", "closed"]),
  defaultLanguage: ZLanguage,
  subject: text,
  source: z.strictObject({
    organisation: text,
    title: text,
    url: z.url({ protocol: /^https?$/ }).optional(),
    publishedOn: ZIsoDate.optional(),
  }),
  caseStatus: z.strictObject(
    { asOf: ZIsoDate, text: localizedMarkdown },
    { message: "expected the case status: {asOf, text}" },
  ),
  updates: z.array(z.strictObject({ date: ZPartialDate, text: localizedMarkdown, source })).optional(),
  timeline: z.array(z.strictObject({ date: ZPartialDate, text: localized, source })).min(1),
  audiences: z.array(ZAudienceFile).min(1),
  retentionDays: z.number().int().min(1).optional(),
  /** Letters are taken before this day only; from it on the campaign pauses itself (lib/campaigns/status-lifecycle.ts). */
  writeBefore: ZIsoDate.optional(),
  hourlyCap: z.number().int().min(1).optional(),
  dailyCap: z.number().int().min(1).optional(),
});

export const ZContentFrontMatter = z.strictObject({
  title: text,
  summary: text,
  review: z.literal("needed").optional(),
});

export const ZLetterFrontMatter = z.strictObject({
  subjects: z.array(text).min(1),
  review: z.literal("needed").optional(),
});

export type TRecipientFile = z.infer<typeof ZRecipientFile>;
export type TCampaignFile = z.infer<typeof ZCampaignFile>;
export type TAudienceFile = z.infer<typeof ZAudienceFile>;

/**
 * An origin a partner's pages are served from, exactly as a browser names it: scheme, host and port, no path
 * (https://dignitynetwork.ca). Plain http only for localhost, where a partner tries the embed out.
 */
export const ZOrigin = z.string({ message: "expected an origin such as https://example.org" }).refine(
  (value) => {
    if (!URL.canParse(value)) return false;
    const url = new URL(value);
    const local = url.hostname === "localhost" || url.hostname === "127.0.0.1";
    return url.origin === value && (url.protocol === "https:" || (url.protocol === "http:" && local));
  },
  { message: "expected an origin such as https://example.org (https, no path or trailing slash)" },
);

/** templates/partners/<code>.yaml: an organisation that embeds the form on its own site. No secrets in files. */
export const ZPartnerFile = z.strictObject({
  code: z
    .string({ message: "expected a code" })
    .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: "expected lowercase letters, digits and single dashes" })
    .max(40, { message: "at most 40 characters" }),
  name: text,
  site: z.url({ protocol: /^https$/, message: "expected the partner's https:// site" }),
  allowedOrigins: z.array(ZOrigin).max(20, { message: "at most 20 origins" }),
  theme: ZEmbedTheme.optional(),
});
export type TPartnerFile = z.output<typeof ZPartnerFile>;
