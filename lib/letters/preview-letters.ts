import "server-only";
import type { TCampaignView } from "@/lib/campaigns/get-campaign";
import type { TDb } from "@/lib/db/open";
import { ZLetterInputBase, letterInputSchemaFor, type TLetterInput } from "@/lib/schemas/letter-input";
import { composeLetters, letterDocument, type TComposedLetter } from "./compose-letters";
import { getLetterContext } from "./letter-context";
import { parseForCampaign } from "./parse-for-campaign";
import type { TLetterDocument } from "./types";

/** Validates the input against its campaign: every bad field is reported at once. */
export function parseLetterInput(db: TDb, body: unknown): Promise<{ campaign: TCampaignView; input: TLetterInput }> {
  return parseForCampaign(db, body, {
    base: ZLetterInputBase,
    forCampaign: letterInputSchemaFor,
    refusal: "The letter could not be prepared: please check the fields listed.",
  });
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
