/**
 * The WHERE of the Deliveries page, shared by its list, its counts and its bulk actions, so "all N letters matching"
 * means the same letters everywhere.
 *
 * The text search is on the official, and officials are few (tens) while letters are many (hundreds of thousands):
 * the directory's own search (lib/recipients/list-recipients.ts) finds the matching officials first, and the letters
 * are then filtered by recipient id, which an index on letters serves. No trigram index is needed (PGlite has none).
 */
import "server-only";
import { and, eq, gte, inArray, lt, type SQL } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { letters } from "@/lib/db/schema";
import { listRecipients } from "@/lib/recipients/list-recipients";
import type { TDeliveryFilters } from "@/lib/schemas/deliveries";

const DAY = 86_400_000;

/** The condition, or null when the search matches no official (then no letter matches either). */
export async function lettersWhere(db: TDb, filters: TDeliveryFilters): Promise<SQL | undefined | null> {
  const conditions: (SQL | undefined)[] = [
    filters.campaign ? eq(letters.campaignSlug, filters.campaign) : undefined,
    filters.audience ? eq(letters.audienceId, filters.audience) : undefined,
    filters.recipient ? eq(letters.recipientId, filters.recipient) : undefined,
    filters.status ? eq(letters.status, filters.status) : undefined,
    filters.channel ? eq(letters.channel, filters.channel) : undefined,
    filters.language ? eq(letters.language, filters.language) : undefined,
    filters.from ? gte(letters.createdAt, new Date(`${filters.from}T00:00:00Z`)) : undefined,
    filters.to ? lt(letters.createdAt, new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + DAY)) : undefined,
  ];
  if (filters.q) {
    const ids = (await listRecipients(db, filters.q)).map((r) => r.id);
    if (ids.length === 0) return null;
    conditions.push(inArray(letters.recipientId, ids));
  }
  return and(...conditions);
}
