/**
 * The template editor's preview: an unsaved template doc rendered for a sample supporter to one recipient of its
 * audience, as text and laid out for print. Nothing is stored. The doc goes through the same checks as a save
 * (schema and placeholders), so a preview never shows what could not be saved.
 */
import "server-only";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import type { TDb } from "@/lib/db/open";
import { AppError } from "@/lib/errors/app-error";
import { isLanguage, type TLanguage } from "@/lib/i18n/languages";
import { composeLetters, letterDocument, toComposeCampaign, type TComposeCampaign, type TComposedLetter } from "@/lib/letters/compose-letters";
import type { TLetterDocument } from "@/lib/letters/types";
import type { TPreviewSample } from "@/lib/schemas/template-preview";
import { cachedByRevision } from "./content-revision";
import { ZTemplateDoc } from "./docs";
import { invalidDoc } from "./invalid-doc";
import { templateProblems } from "./save-template";

export type TTemplatePreview = { letter: TComposedLetter; document: TLetterDocument };

export async function previewTemplate(
  db: TDb,
  where: { slug: string; audienceId: string; language: string },
  docInput: unknown,
  sample: TPreviewSample,
  date: Date,
): Promise<TTemplatePreview> {
  const parsed = ZTemplateDoc.safeParse(docInput);
  if (!parsed.success) throw invalidDoc(parsed.error, ["doc"]);
  const problems = templateProblems(parsed.data);
  if (problems.length) {
    throw new AppError("INVALID_INPUT", "The preview needs a template without errors.", problems.map((p) => ({ ...p, path: `doc.${p.path}` })));
  }
  if (!isLanguage(where.language)) throw new AppError("NOT_FOUND", "There is no such language.", [{ path: "language", code: "notFound", message: "no such language" }]);
  const language: TLanguage = where.language;
  // A campaign in draft is previewed too: that is when its letters are written. Cached until any content changes.
  const campaign = await cachedByRevision(db, `template-preview:${where.slug}`, async () => {
    const view = await getCampaign(db, where.slug, { includeDrafts: true });
    return view ? toComposeCampaign(view) : undefined;
  });
  const audience = campaign?.audiences.find((a) => a.id === where.audienceId);
  if (!campaign || !audience) throw new AppError("NOT_FOUND", "There is no such audience.", [{ path: "audienceId", code: "notFound", message: "no such audience" }]);
  if (!audience.recipients.some((r) => r.id === sample.recipientId)) {
    throw new AppError("INVALID_INPUT", "Please check the fields listed.", [{ path: "sample.recipientId", code: "recipientUnknown", message: "not a recipient of this audience" }]);
  }
  // Only this audience, writing in this language even when no template in it is published yet.
  const only: TComposeCampaign = { ...campaign, audiences: [{ ...audience, languages: [language] }] };
  const input = {
    campaign: campaign.slug,
    language,
    supporter: { name: sample.name, city: sample.city, country: sample.country },
    signAs: sample.signAs,
    personalNote: sample.personalNote.trim() || undefined,
    recipients: [sample.recipientId],
  };
  const letters = composeLetters(only, [{ audienceId: audience.id, language, subjects: parsed.data.subjects, body: parsed.data.body }], input, date);
  return { letter: letters[0]!, document: letterDocument(only, input, letters, date) };
}
