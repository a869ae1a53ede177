/**
 * From a supporter's input to the letters and the print-ready document (pure: the caller loads the campaign and
 * its templates). Used by the preview, and by the submission that freezes the letters.
 */
import type { TCampaignView } from "@/lib/campaigns/get-campaign";
import type { TLocalized, TLocalizedList } from "@/lib/db/schema";
import type { TRecipientKind } from "@/lib/templates/recipient-kinds";
import type { TLanguage } from "@/lib/i18n/languages";
import { pick } from "@/lib/i18n/localize";
import type { TLetterInput } from "@/lib/schemas/letter-input";
import { countryName } from "@/lib/schemas/countries";
import { initialsOf, letterDate, renderLetter } from "@/lib/templates/render-letter";
import type { TLetter, TLetterDocument, TLetterPage, TPaper } from "./types";
import { recipientName, recipientsById } from "@/lib/campaigns/recipients";

/** A published letter template; `versionId` is the version letters written from it record (absent in the browser). */
export type TTemplateRow = { audienceId: string; language: string; subjects: string[]; body: string; versionId?: string | null };

export type TComposedLetter = TLetter & { audienceId: string; templateVersionId: string | null };

/** What composing needs of a campaign; small enough to hand to the browser (no emails, no provenance). */
export type TComposeRecipient = {
  id: string;
  kind: TRecipientKind | null;
  name: string | null;
  names: TLocalized | null;
  role: TLocalized;
  organisation: TLocalized;
  salutation: TLocalized;
  envelopeName: string | null;
  address: string[] | null;
  country: string;
  channels: ("email" | "post")[];
  preselected: boolean;
  /** Supporter countries this office serves; the composer ticks it for them (empty: no country rule). */
  servesCountries: string[];
};
export type TComposeAudience = {
  id: string;
  title: TLocalized;
  defaultLanguage: string;
  languages: TLanguage[];
  demands: TLocalizedList;
  recipients: TComposeRecipient[];
};
export type TComposeCampaign = {
  slug: string;
  subject: string;
  content: { en: { title: string } } & Partial<Record<TLanguage, { title: string }>>;
  languages: TLanguage[];
  audiences: TComposeAudience[];
};

export function toComposeCampaign(campaign: TCampaignView): TComposeCampaign {
  return {
    slug: campaign.slug,
    subject: campaign.subject,
    content: Object.fromEntries(Object.entries(campaign.content).map(([language, c]) => [language, { title: c!.title }])) as TComposeCampaign["content"],
    languages: campaign.languages,
    audiences: campaign.audiences.map((a) => ({
      id: a.id,
      title: a.title,
      defaultLanguage: a.defaultLanguage,
      languages: a.languages,
      demands: a.demands,
      recipients: a.recipients.map((r) => ({
        id: r.id,
        kind: r.kind,
        name: r.name,
        names: r.names,
        role: r.role,
        organisation: r.organisation,
        salutation: r.salutation,
        envelopeName: r.envelopeName,
        address: r.address,
        country: r.country,
        channels: r.channels,
        preselected: r.preselected,
        servesCountries: r.servesCountries,
      })),
    })),
  };
}

/** Letter paper by the supporter's country: Letter in Canada and the US, A4 elsewhere. */
export function paperFor(country: string): TPaper {
  return country === "CA" || country === "US" ? "LETTER" : "A4";
}


/** The letter language a form starts with: the page's, where the campaign has letters in it (else each audience's own). */
export function defaultLetterLanguage(campaign: TComposeCampaign, pageLanguage: TLanguage): TLanguage | undefined {
  return campaign.languages.includes(pageLanguage) ? pageLanguage : undefined;
}

/** The language an audience's letters are in: the chosen one when the audience has a template in it, else its own. */
export function letterLanguageFor(audience: TComposeAudience, language: TLanguage | undefined): TLanguage {
  return language && audience.languages.includes(language) ? language : (audience.defaultLanguage as TLanguage);
}

/**
 * The templates that letters in `language` are written from, one per audience: all that a page needs to show the
 * letters in that language (the composer fetches the others once it runs, for a supporter who changes the language).
 */
export function templatesForLanguage(campaign: TComposeCampaign, templates: TTemplateRow[], language: TLanguage | undefined): TTemplateRow[] {
  return campaign.audiences.flatMap((audience) => {
    const wanted = letterLanguageFor(audience, language);
    return templates.filter((t) => t.audienceId === audience.id && t.language === wanted);
  });
}

/**
 * One letter per chosen recipient, in the order the campaign lists them. Each audience writes in the chosen
 * language when it has a template in it, otherwise in its own default language.
 */
export function composeLetters(campaign: TComposeCampaign, templates: TTemplateRow[], input: TLetterInput, date: Date): TComposedLetter[] {
  const chosen = new Set(input.recipients);
  const letters: TComposedLetter[] = [];
  const seen = new Set<string>();
  let index = 0;
  for (const audience of campaign.audiences) {
    const language = letterLanguageFor(audience, input.language);
    const template = templates.find((t) => t.audienceId === audience.id && t.language === language);
    if (!template) throw new Error(`No ${language} letter template for audience ${audience.id} of ${campaign.slug}`);
    for (const recipient of audience.recipients) {
      if (!chosen.has(recipient.id) || seen.has(recipient.id)) continue;
      seen.add(recipient.id);
      const letter = renderLetter({
        template,
        language,
        recipient,
        demands: pick(audience.demands, language).value,
        campaignSubject: campaign.subject,
        supporter: input.supporter,
        signAs: input.signAs,
        personalNote: input.personalNote,
        date,
        subjectIndex: index++,
      });
      letters.push({ ...letter, audienceId: audience.id, templateVersionId: template.versionId ?? null });
    }
  }
  return letters;
}

/** The letters laid out for print: sender block, window address, date, footer. */
export function letterDocument(campaign: TComposeCampaign, input: TLetterInput, letters: TComposedLetter[], date: Date): TLetterDocument {
  const signature = input.signAs === "initials" ? initialsOf(input.supporter.name) : input.supporter.name.trim();
  const recipients = recipientsById(campaign);
  const pages: TLetterPage[] = letters.map((letter) => {
    const recipient = recipients.get(letter.recipientId)!;
    const senderLines = input.supporter.address
      ? input.supporter.address.split("\n").map((l) => l.trim()).filter(Boolean)
      : [input.supporter.city];
    const country = countryName(input.supporter.country, letter.language);
    // An address that already ends with the country does not get it twice.
    const endsWithCountry = senderLines.at(-1)?.toLocaleLowerCase() === country.toLocaleLowerCase();
    const name = recipient.envelopeName ?? recipientName(recipient, letter.language);
    // The plain text and the audience are kept beside the page (letters.body, letters.audience_id), not in it.
    const { text, audienceId, ...laidOut } = letter;
    return {
      ...laidOut,
      paper: paperFor(input.supporter.country),
      sender: [signature, ...senderLines, ...(endsWithCountry ? [] : [country])],
      dateText: letterDate(date, letter.language),
      recipientAddress: [
        ...(name ? [name] : []),
        pick(recipient.role, letter.language).value,
        ...(recipient.address ?? []),
      ],
      // The writer's name, not the campaign's: a letter to a head of state must not read like a mass mailing.
      footer: signature,
    };
  });
  return {
    title: letters.length === 1 ? (letters[0]?.subject ?? campaign.subject) : `${campaign.subject}: ${letters.length} letters`,
    author: signature,
    language: letters[0]?.language ?? "en",
    letters: pages,
  };
}
