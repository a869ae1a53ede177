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

/** "Anita Anand, Minister of Foreign Affairs": an official's name and role in the given language. */
export function recipientLabel(recipient: { name: string | null; role: TLocalized }, language: TLanguage): string {
  return [recipient.name, pick(recipient.role, language).value].filter(Boolean).join(", ");
}
