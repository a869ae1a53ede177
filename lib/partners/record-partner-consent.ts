/** A supporter's consent for the partner whose form they used (partner_consents): kept with its wording and time. */
import "server-only";
import type { TDb } from "@/lib/db/open";
import { partnerConsents } from "@/lib/db/schema";

export async function recordPartnerConsent(
  db: TDb,
  options: { actionId: string; partnerCode: string; wording: string; language: string; now: Date },
): Promise<void> {
  await db
    .insert(partnerConsents)
    .values({ actionId: options.actionId, partnerCode: options.partnerCode, wording: options.wording, language: options.language, givenAt: options.now })
    .onConflictDoNothing();
}
