/**
 * The Deliveries page's filters and bulk selections: one schema for the page's GET form (read from the URL), for the
 * bulk actions' handlers and for the benchmark. Client-shared (no server imports).
 */
import { z } from "zod";
import { SLUG } from "./ids";

export const LETTER_STATUSES = ["awaiting-confirmation", "queued", "held", "sending", "sent", "failed", "bounced", "posted", "cancelled"] as const;
export const LETTER_CHANNELS = ["email", "mailto", "post"] as const;
export const DELIVERIES_PAGE_SIZE = 50;
/** Letters one bulk action may name by id (by filter there is no limit). */
export const MAX_SELECTED_LETTERS = 500;

/** An empty form field is no filter, not a bad value. */
const optional = <T extends z.ZodType>(schema: T) => z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());
const ZDay = z.iso.date({ message: "expected a date (YYYY-MM-DD)" });

export const ZDeliveryFilters = z.strictObject({
  campaign: optional(z.string().max(100).regex(SLUG, { message: "not a campaign slug" })),
  audience: optional(z.string().max(100).regex(SLUG, { message: "not an audience id" })),
  recipient: optional(z.string().max(100).regex(SLUG, { message: "not a recipient id" })),
  status: optional(z.enum(LETTER_STATUSES, { message: "not a letter status" })),
  channel: optional(z.enum(LETTER_CHANNELS, { message: "not a channel" })),
  language: optional(z.string().regex(/^[a-z]{2}$/, { message: "expected a language code such as en" })),
  /** Written on or after this day (UTC)… */
  from: optional(ZDay),
  /** …and on or before this one. */
  to: optional(ZDay),
  /** Words to find in the official's name, role, organisation or email. */
  q: optional(z.string().trim().max(200, { message: "at most 200 characters" })),
});
export type TDeliveryFilters = z.output<typeof ZDeliveryFilters>;

/** Which letters a bulk action is for: the ticked ones, or every letter the filters match. */
export const ZLetterSelection = z.union([
  z.strictObject({ ids: z.array(z.uuid({ message: "not a letter id" })).min(1, { message: "tick at least one letter" }).max(MAX_SELECTED_LETTERS) }),
  z.strictObject({ filter: ZDeliveryFilters }),
]);
export type TLetterSelection = z.output<typeof ZLetterSelection>;

/** A bulk action's body: `preview` only counts (the confirm step), otherwise the letters change. */
export const ZBulkLetterAction = z.strictObject({ selection: ZLetterSelection, preview: z.boolean().optional() });
export type TBulkLetterAction = z.output<typeof ZBulkLetterAction>;

/** The page's URL query: the filters and the page number; a bad value is dropped (the form says which). */
export function filtersFromQuery(query: Record<string, string | string[] | undefined>): { filters: TDeliveryFilters; page: number; invalid: string[] } {
  const first = Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v].flat()[0]]));
  const filters: Record<string, unknown> = {};
  const invalid: string[] = [];
  for (const key of Object.keys(ZDeliveryFilters.shape) as (keyof typeof ZDeliveryFilters.shape)[]) {
    const parsed = ZDeliveryFilters.shape[key].safeParse(first[key]);
    if (parsed.success) filters[key] = parsed.data;
    else invalid.push(key);
  }
  const page = Math.max(1, Math.min(100_000, Number.parseInt(first.page ?? "1", 10) || 1));
  return { filters: filters as TDeliveryFilters, page, invalid };
}

/** The filters back as a URL query (for links to other pages of the same list). */
export function filtersToQuery(filters: TDeliveryFilters, extra: Record<string, string> = {}): string {
  const entries = [...Object.entries(filters).filter(([, v]) => v !== undefined && v !== ""), ...Object.entries(extra)] as [string, string][];
  return new URLSearchParams(entries).toString();
}
