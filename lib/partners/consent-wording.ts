/**
 * The words of the "<partner> may contact me" box, in one place: the embed shows them, and the submission records
 * them as shown (partner_consents.wording), in the page's language. Pure, for both sides.
 */
import type { TLanguage } from "@/lib/i18n/languages";
import { CATALOGS } from "@/lib/i18n/messages";

export function partnerConsentWording(language: TLanguage, partnerName: string): string {
  return CATALOGS[language].send.consentPartner.split("{partner}").join(partnerName);
}
