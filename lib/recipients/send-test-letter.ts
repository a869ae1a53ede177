/**
 * "Send me a test letter": the letter a supporter would send to one recipient, rendered exactly as delivery renders
 * it (composeLetters, the PDF, buildLetterMessage), but addressed to the signed-in campaigner and marked [TEST]. The
 * official's address is never handed to the message builder, so no code path here can mail them.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { renderLetterPdf } from "@/components/pdf/render-pdf";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import type { TDb } from "@/lib/db/open";
import { buildLetterMessage } from "@/lib/delivery/build-letter-message";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import type { TLanguage } from "@/lib/i18n/languages";
import { composeLetters, letterDocument, toComposeCampaign } from "@/lib/letters/compose-letters";
import { loadTemplates } from "@/lib/letters/load-templates";
import { getMailTransport } from "@/lib/mail/mailer";
import type { TLetterInput } from "@/lib/schemas/letter-input";
import { listRecipients } from "./list-recipients";

/** Fictional, so nobody mistakes the test for a real supporter's letter. */
const SAMPLE_SUPPORTER = { name: "Sample Supporter", email: "sample-supporter@example.org", city: "Sampleville", country: "IE" };

export type TTestLetterResult = { to: string; subject: string; campaignSlug: string; audienceId: string; language: TLanguage };

export async function sendTestLetter(
  db: TDb,
  recipientId: string,
  campaigner: { email: string; name?: string | null },
  options: { campaignSlug?: string } = {},
): Promise<TTestLetterResult> {
  const [recipient] = await listRecipients(db, "").then((all) => all.filter((r) => r.id === recipientId));
  if (!recipient) throw new AppError("NOT_FOUND", `There is no recipient "${recipientId}".`);
  const memberships = recipient.audiences.filter((a) => !options.campaignSlug || a.campaignSlug === options.campaignSlug);
  if (memberships.length === 0) {
    throw new AppError("CONFLICT", `${recipientId} is in no campaign's audience${options.campaignSlug ? ` of ${options.campaignSlug}` : ""} yet, so there is no letter to them: add them to an audience first.`);
  }
  let reason = "";
  for (const membership of memberships) {
    const campaign = await getCampaign(db, membership.campaignSlug, { includeDrafts: true });
    const audience = campaign?.audiences.find((a) => a.id === membership.audienceId);
    if (!campaign || !audience) continue;
    const templates = await loadTemplates(db, campaign.slug);
    const language = (audience.languages.includes("en") ? "en" : audience.defaultLanguage) as TLanguage;
    if (!templates.some((t) => t.audienceId === audience.id && t.language === language)) {
      reason = `"${audience.id}" of ${campaign.slug} has no published ${language} letter template yet`;
      continue;
    }
    // Only this audience, so the letter is written in its language and to this recipient alone.
    const compose = toComposeCampaign({ ...campaign, audiences: [audience] });
    const input = { campaign: campaign.slug, language, supporter: SAMPLE_SUPPORTER, signAs: "full", recipients: [recipientId] } as TLetterInput;
    const now = new Date();
    const letters = composeLetters(compose, templates, input, now);
    const document = letterDocument(compose, input, letters, now);
    const letter = letters[0]!;
    const pdf = await renderLetterPdf(document);
    const settings = env();
    const message = buildLetterMessage({
      letter: { id: `test-${randomUUID()}`, subject: `[TEST] ${letter.subject}`, body: letter.text, page: document.letters[0]!, language: letter.language, recipientId },
      action: { supporterName: SAMPLE_SUPPORTER.name, supporterEmail: SAMPLE_SUPPORTER.email, signAs: "full" },
      // The campaigner stands in for the official: To and the envelope are theirs.
      recipient: { id: recipientId, email: campaigner.email, name: campaigner.name ?? null },
      settings: { mailFrom: settings.MAIL_FROM, organisationName: settings.ORGANISATION_NAME },
      pdf,
    });
    await (await getMailTransport()).send(message, "test-letter");
    return { to: campaigner.email, subject: String(message.subject), campaignSlug: campaign.slug, audienceId: audience.id, language };
  }
  throw new AppError("CONFLICT", `No test letter can be written to ${recipientId}: ${reason || "their campaign could not be read"}.`);
}
