/** The admin's list of partners, with the letters that came through each (letters of actions attributed to it). */
import "server-only";
import { asc, count, eq, isNull } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { actions, letters, partners } from "@/lib/db/schema";

export type TPartnerListRow = typeof partners.$inferSelect & { letters: number };

/** Letters that came through no partner (the site's own form, the API without a key). */
export async function countDirectLetters(db: TDb): Promise<number> {
  const [row] = await db.select({ letters: count(letters.id) }).from(letters).innerJoin(actions, eq(actions.id, letters.actionId)).where(isNull(actions.partner));
  return row?.letters ?? 0;
}

export async function listPartners(db: TDb): Promise<TPartnerListRow[]> {
  const [rows, counts] = await Promise.all([
    db.select().from(partners).orderBy(asc(partners.code)),
    db
      .select({ partner: actions.partner, letters: count(letters.id) })
      .from(letters)
      .innerJoin(actions, eq(actions.id, letters.actionId))
      .groupBy(actions.partner),
  ]);
  const byPartner = new Map(counts.map((c) => [c.partner, c.letters]));
  return rows.map((r) => ({ ...r, letters: byPartner.get(r.code) ?? 0 }));
}
