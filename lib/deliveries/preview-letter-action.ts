/**
 * The confirm step of a bulk action: how many letters it would change, and to which officials ("Cancel 3 queued
 * letters to <official>?"). Changes nothing.
 */
import "server-only";
import { count, eq } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { letters, recipients } from "@/lib/db/schema";
import type { TLetterSelection } from "@/lib/schemas/deliveries";
import { BULK_ACTIONS, type TBulkAction } from "./bulk-letter-actions";
import { selectedLetters } from "./select-letters";

export type TLetterActionPreview = {
  count: number;
  /** How many of each status (cancel takes queued and held letters). */
  byStatus: Partial<Record<string, number>>;
  /** The officials with the most of these letters (three at most), and how many officials in all. */
  officials: { id: string; name: string; count: number }[];
  officialCount: number;
};

export async function previewLetterAction(db: TDb, action: TBulkAction, selection: TLetterSelection): Promise<TLetterActionPreview> {
  const where = await selectedLetters(db, selection, BULK_ACTIONS[action].from);
  if (where === null) return { count: 0, byStatus: {}, officials: [], officialCount: 0 };
  const rows = await db
    .select({ id: letters.recipientId, name: recipients.name, role: recipients.role, status: letters.status, n: count() })
    .from(letters)
    .innerJoin(recipients, eq(recipients.id, letters.recipientId))
    .where(where)
    .groupBy(letters.recipientId, recipients.name, recipients.role, letters.status);
  const officials = new Map<string, { id: string; name: string; count: number }>();
  const byStatus: Partial<Record<string, number>> = {};
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.n;
    const official = officials.get(r.id) ?? { id: r.id, name: r.name ?? r.role.en ?? r.id, count: 0 };
    official.count += r.n;
    officials.set(r.id, official);
  }
  const ranked = [...officials.values()].sort((a, b) => b.count - a.count || a.id.localeCompare(b.id));
  return { count: rows.reduce((sum, r) => sum + r.n, 0), byStatus, officials: ranked.slice(0, 3), officialCount: ranked.length };
}
