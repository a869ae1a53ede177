import "server-only";
import type { z } from "zod";
import type { TCampaignView } from "@/lib/campaigns/get-campaign";
import type { TDb } from "@/lib/db/open";
import { AppError, type TFieldError } from "@/lib/errors/app-error";
import { CATALOGS } from "@/lib/i18n/messages";
import { SLUG } from "@/lib/schemas/ids";
import type { TCampaignRules } from "@/lib/schemas/letter-input";
import { getLetterContext } from "./letter-context";
import { recipientOrder } from "@/lib/campaigns/recipients";
import { effectiveStatus } from "@/lib/campaigns/status-lifecycle";

/** The rules a campaign puts on the input (recipients from its list, a language it has). */
export function campaignRules(campaign: TCampaignView): TCampaignRules {
  return {
    slug: campaign.slug,
    recipientIds: recipientOrder(campaign),
    languages: campaign.languages,
  };
}

/**
 * The schema's issues as API field errors: the message key ("validation.email") is the `code`, which a form
 * translates into its page's language, and `message` is its English text for anyone reading the answer.
 */
export function fieldErrors(error: z.ZodError): TFieldError[] {
  const messages = CATALOGS.en.validation as Record<string, string>;
  return error.issues.map((issue) => {
    const key = issue.message.startsWith("validation.") ? issue.message.slice("validation.".length) : undefined;
    const message = (key && messages[key]) || issue.message;
    return { path: issue.path.map(String).join(".") || "(body)", ...(key && messages[key] ? { code: issue.message } : {}), message };
  });
}

/**
 * Validates a body against the campaign it names, reporting every bad field at once: the campaign's own rules
 * when it exists and is open, otherwise "campaign" plus whatever else the base schema finds.
 */
export async function parseForCampaign<T>(
  db: TDb,
  body: unknown,
  schemas: { base: z.ZodType; forCampaign: (rules: TCampaignRules) => z.ZodType<T>; refusal: string },
): Promise<{ campaign: TCampaignView; input: T }> {
  const slug = typeof body === "object" && body !== null && "campaign" in body ? (body as { campaign: unknown }).campaign : undefined;
  // Only a well-formed slug is looked up: anything else (a NUL, a lone surrogate) is no campaign, not a query.
  const campaign = typeof slug === "string" && slug.length <= 100 && SLUG.test(slug) ? (await getLetterContext(db, slug))?.campaign : undefined;
  // A closed campaign's letters are history: nothing more is written for it, whatever else the body says.
  if (campaign?.status === "closed") {
    throw new AppError("CONFLICT", "This campaign is closed: it no longer takes letters.", [
      { path: "campaign", message: CATALOGS.en.validation.campaignClosed },
    ]);
  }
  // Paused, or past its "write before" day (which the worker's housekeeping then stores as paused).
  if (campaign && effectiveStatus(campaign, new Date()) === "paused") {
    throw new AppError("CONFLICT", "This campaign is paused: it takes no new letters for now.", [
      { path: "campaign", code: "validation.campaignPaused", message: CATALOGS.en.validation.campaignPaused },
    ]);
  }
  if (!campaign) {
    const base = schemas.base.safeParse(body);
    throw new AppError("INVALID_INPUT", schemas.refusal, [
      { path: "campaign", code: "validation.campaign", message: CATALOGS.en.validation.campaign },
      ...(base.success ? [] : fieldErrors(base.error).filter((e) => e.path !== "campaign")),
    ]);
  }
  const parsed = schemaFor(campaign, schemas.forCampaign).safeParse(body);
  if (!parsed.success) throw new AppError("INVALID_INPUT", schemas.refusal, fieldErrors(parsed.error));
  return { campaign, input: parsed.data };
}

// zod compiles a schema the first time it is used, which costs far more than a parse: one schema per campaign and
// kind of input, kept as long as the campaign object is (the campaign cache replaces it when the campaign changes).
const SCHEMAS = new WeakMap<TCampaignView, Map<unknown, z.ZodType>>();
function schemaFor<T>(campaign: TCampaignView, forCampaign: (rules: TCampaignRules) => z.ZodType<T>): z.ZodType<T> {
  let byKind = SCHEMAS.get(campaign);
  if (!byKind) SCHEMAS.set(campaign, (byKind = new Map()));
  let schema = byKind.get(forCampaign) as z.ZodType<T> | undefined;
  if (!schema) byKind.set(forCampaign, (schema = forCampaign(campaignRules(campaign))));
  return schema;
}
