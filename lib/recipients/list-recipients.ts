/**
 * The recipient directory for the admin: every recipient, filtered by a search over what a campaigner would type
 * (id, name in any script, role, organisation, country, email), with the audiences each one is in.
 */
import "server-only";
import { asc } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { audienceRecipients, recipients } from "@/lib/db/schema";

export type TRecipientListRow = typeof recipients.$inferSelect & { audiences: { campaignSlug: string; audienceId: string }[] };

function haystack(r: typeof recipients.$inferSelect): string {
  return [r.id, r.name, r.email, r.country, ...Object.values(r.names ?? {}), ...Object.values(r.role), ...Object.values(r.organisation)]
    .filter(Boolean)
    .join(" ")
    .toLocaleLowerCase();
}

export async function listRecipients(db: TDb, query = ""): Promise<TRecipientListRow[]> {
  // The directory is tens of officials, not thousands: one read and a filter here beat a search index.
  const [rows, members] = await Promise.all([
    db.select().from(recipients).orderBy(asc(recipients.id)),
    db.select({ recipientId: audienceRecipients.recipientId, campaignSlug: audienceRecipients.campaignSlug, audienceId: audienceRecipients.audienceId }).from(audienceRecipients),
  ]);
  const words = query.toLocaleLowerCase().split(/\s+/).filter(Boolean);
  return rows
    .filter((r) => {
      const text = haystack(r);
      return words.every((w) => text.includes(w));
    })
    .map((r) => ({ ...r, audiences: members.filter((m) => m.recipientId === r.id).map(({ campaignSlug, audienceId }) => ({ campaignSlug, audienceId })) }));
}
