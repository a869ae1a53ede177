/**
 * One letter for its page in Deliveries: the letter with its frozen text, every try with the relay's reply, the
 * official, the supporter (the email only when the caller may see it) and the template version it was written from.
 */
import "server-only";
import { asc, eq } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { actions, contentVersions, letterAttempts, letters, recipients } from "@/lib/db/schema";

export type TLetterDetail = {
  letter: typeof letters.$inferSelect;
  attempts: (typeof letterAttempts.$inferSelect)[];
  official: { id: string; name: string; email: string | null; emailSuspect: boolean };
  supporter: { name: string; city: string; country: string; email?: string | null; anonymised: boolean; partner: string | null };
  template: { versionId: string; version: number } | null;
};

export async function getLetter(db: TDb, id: string, options: { withSupporterEmail: boolean }): Promise<TLetterDetail | null> {
  const [row] = await db
    .select({ letter: letters, action: actions, recipient: recipients })
    .from(letters)
    .innerJoin(actions, eq(actions.id, letters.actionId))
    .innerJoin(recipients, eq(recipients.id, letters.recipientId))
    .where(eq(letters.id, id));
  if (!row) return null;
  const [attempts, [version]] = await Promise.all([
    db.select().from(letterAttempts).where(eq(letterAttempts.letterId, id)).orderBy(asc(letterAttempts.at), asc(letterAttempts.id)),
    row.letter.templateVersionId
      ? db.select({ id: contentVersions.id, version: contentVersions.version }).from(contentVersions).where(eq(contentVersions.id, row.letter.templateVersionId))
      : Promise.resolve([]),
  ]);
  const { action, recipient } = row;
  return {
    letter: row.letter,
    attempts,
    official: { id: recipient.id, name: recipient.name ?? recipient.role.en ?? recipient.id, email: recipient.email, emailSuspect: recipient.emailSuspect },
    supporter: {
      name: action.supporterName,
      city: action.city,
      country: action.country,
      anonymised: action.anonymisedAt !== null,
      partner: action.partner,
      ...(options.withSupporterEmail ? { email: action.supporterEmail } : {}),
    },
    template: version ? { versionId: version.id, version: version.version } : null,
  };
}
