import "server-only";
/** What a data link stands for: the mailbox it was mailed to, while the link works (24 hours, until deletion). */
import { and, eq, gt } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { privacyRequests } from "@/lib/db/schema";
import { hashToken } from "@/lib/actions/tokens";
import { isLanguage, type TLanguage } from "@/lib/i18n/languages";
import { PRIVACY_TOKEN } from "./mailbox";

export type TMailboxRequest = { id: string; email: string; language: TLanguage; expiresAt: Date };

export async function findMailboxRequest(db: TDb, token: string, now: Date): Promise<TMailboxRequest | undefined> {
  if (!PRIVACY_TOKEN.test(token)) return undefined;
  const [row] = await db
    .select({ id: privacyRequests.id, email: privacyRequests.email, language: privacyRequests.language, expiresAt: privacyRequests.expiresAt })
    .from(privacyRequests)
    .where(and(eq(privacyRequests.tokenHash, hashToken(token)), gt(privacyRequests.expiresAt, now)));
  if (!row) return undefined;
  return { ...row, language: isLanguage(row.language) ? row.language : "en" };
}
