/**
 * The officials whose email is flagged suspect (repeated hard bounces), each with how many of its letters are held
 * and the relay's last replies, for the "Suspect addresses" list on Deliveries.
 */
import "server-only";
import { and, asc, count, desc, eq, inArray, isNotNull } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { letterAttempts, letters, recipients } from "@/lib/db/schema";

export type TSuspectRecipient = {
  id: string;
  name: string;
  email: string | null;
  hardFailures: number;
  held: number;
  lastReplies: { at: Date; outcome: string; reply: string }[];
};

const REPLIES = 3;

export async function listSuspectRecipients(db: TDb): Promise<TSuspectRecipient[]> {
  const suspects = await db
    .select({ id: recipients.id, name: recipients.name, role: recipients.role, email: recipients.email, hardFailures: recipients.hardFailures })
    .from(recipients)
    .where(eq(recipients.emailSuspect, true))
    .orderBy(asc(recipients.id));
  if (suspects.length === 0) return [];
  const ids = suspects.map((s) => s.id);
  const [held, replies] = await Promise.all([
    db
      .select({ id: letters.recipientId, n: count() })
      .from(letters)
      .where(and(inArray(letters.recipientId, ids), eq(letters.status, "held")))
      .groupBy(letters.recipientId),
    Promise.all(
      ids.map((id) =>
        db
          .select({ at: letterAttempts.at, outcome: letterAttempts.outcome, reply: letterAttempts.reply })
          .from(letterAttempts)
          .innerJoin(letters, eq(letters.id, letterAttempts.letterId))
          .where(and(eq(letters.recipientId, id), isNotNull(letterAttempts.reply), inArray(letterAttempts.outcome, ["failed", "retry", "bounced", "soft-bounce"])))
          .orderBy(desc(letterAttempts.at))
          .limit(REPLIES),
      ),
    ),
  ]);
  return suspects.map((s, i) => ({
    id: s.id,
    name: s.name ?? s.role.en ?? s.id,
    email: s.email,
    hardFailures: s.hardFailures,
    held: held.find((h) => h.id === s.id)?.n ?? 0,
    lastReplies: (replies[i] ?? []).map((r) => ({ at: r.at, outcome: r.outcome, reply: r.reply ?? "" })),
  }));
}
