import "server-only";
import type { z } from "zod";
import type { TCampaignView } from "@/lib/campaigns/get-campaign";
import type { TDb } from "@/lib/db/open";
import { AppError } from "@/lib/errors/app-error";
import { CATALOGS } from "@/lib/i18n/messages";
import { ZLetterInputBase, letterInputSchemaFor, type TLetterInput } from "@/lib/schemas/letter-input";
import { composeLetters, letterDocument, type TComposedLetter } from "./compose-letters";
import { getLetterContext } from "./letter-context";
import type { TLetterDocument } from "./types";

/** The rules a campaign puts on the letter input (recipients from its list, a language it has). */
export function campaignRules(campaign: TCampaignView) {
  return {
    slug: campaign.slug,
    recipientIds: campaign.audiences.flatMap((a) => a.recipients.map((r) => r.id)),
    languages: campaign.languages,
  };
}

/** Turns the schema's message keys ("validation.email") into the English text for API answers. */
export function fieldErrors(error: z.ZodError) {
  const messages = CATALOGS.en.validation as Record<string, string>;
  return error.issues.map((issue) => {
    const key = issue.message.startsWith("validation.") ? issue.message.slice("validation.".length) : undefined;
    return { path: issue.path.map(String).join(".") || "(body)", message: (key && messages[key]) || issue.message };
  });
}

/** Validates the input against its campaign: every bad field is reported at once. */
export async function parseLetterInput(db: TDb, body: unknown): Promise<{ campaign: TCampaignView; input: TLetterInput }> {
  const base = ZLetterInputBase.safeParse(body);
  const slug = typeof body === "object" && body !== null && "campaign" in body ? (body as { campaign: unknown }).campaign : undefined;
  const campaign = typeof slug === "string" && slug.length <= 100 ? (await getLetterContext(db, slug))?.campaign : undefined;
  if (!campaign) {
    const errors = base.success ? [] : fieldErrors(base.error).filter((e) => e.path !== "campaign");
    throw new AppError("INVALID_INPUT", "The letter could not be prepared: please check the fields listed.", [
      { path: "campaign", message: CATALOGS.en.validation.campaign },
      ...errors,
    ]);
  }
  const parsed = letterInputSchemaFor(campaignRules(campaign)).safeParse(body);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", "The letter could not be prepared: please check the fields listed.", fieldErrors(parsed.error));
  }
  return { campaign, input: parsed.data };
}


/** The letters a supporter's input makes, as text and laid out for print. */
export async function previewLetters(
  db: TDb,
  body: unknown,
  date: Date,
): Promise<{ campaign: TCampaignView; input: TLetterInput; letters: TComposedLetter[]; document: TLetterDocument }> {
  const { campaign, input } = await parseLetterInput(db, body);
  const templates = (await getLetterContext(db, campaign.slug))?.templates ?? [];
  const letters = composeLetters(campaign, templates, input, date);
  return { campaign, input, letters, document: letterDocument(campaign, input, letters, date) };
}
