/**
 * A campaign's officials, as every page, email and letter names and orders them (pure: used in the browser too).
 */
import type { TLocalized } from "@/lib/db/schema";
import type { TLanguage } from "@/lib/i18n/languages";
import { pick } from "@/lib/i18n/localize";

type TCampaignLike<R extends { id: string }> = { audiences: { recipients: R[] }[] };

/** The campaign's officials by id. */
export function recipientsById<R extends { id: string }>(campaign: TCampaignLike<R>): Map<string, R> {
  return new Map(campaign.audiences.flatMap((a) => a.recipients.map((r) => [r.id, r] as const)));
}

/** The campaign's officials' ids, in the order it lists them (the order the form shows them in). */
export function recipientOrder(campaign: TCampaignLike<{ id: string }>): string[] {
  return campaign.audiences.flatMap((a) => a.recipients.map((r) => r.id));
}

/** Items about officials, sorted as the campaign lists the officials. */
export function inCampaignOrder<T>(campaign: TCampaignLike<{ id: string }>, items: readonly T[], idOf: (item: T) => string): T[] {
  const order = recipientOrder(campaign);
  return [...items].sort((a, b) => order.indexOf(idOf(a)) - order.indexOf(idOf(b)));
}

type TNamed = { name: string | null; names?: TLocalized | null };

/** An official's name in the given language's script where a source gives it ("Касым-Жомарт Токаев"), else as known. */
export function recipientName(recipient: TNamed, language: TLanguage): string | null {
  return recipient.names?.[language] ?? recipient.name;
}

/** "Anita Anand, Minister of Foreign Affairs": an official's name and role in the given language. */
export function recipientLabel(recipient: TNamed & { role: TLocalized }, language: TLanguage): string {
  return [recipientName(recipient, language), pick(recipient.role, language).value].filter(Boolean).join(", ");
}

/**
 * The officials to tick once a supporter names their country: an office that lists the countries it serves (an
 * embassy and its accreditations) is ticked for those countries and unticked for others; every other official keeps
 * its current state. The result is in the campaign's order.
 */
export function recipientsForCountry(
  campaign: TCampaignLike<{ id: string; servesCountries: string[] }>,
  current: readonly string[],
  country: string,
): string[] {
  const chosen = new Set(current);
  for (const audience of campaign.audiences) {
    for (const recipient of audience.recipients) {
      if (recipient.servesCountries.length === 0) continue;
      if (recipient.servesCountries.includes(country)) chosen.add(recipient.id);
      else chosen.delete(recipient.id);
    }
  }
  return recipientOrder(campaign).filter((id) => chosen.has(id));
}
