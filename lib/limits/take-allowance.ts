/**
 * Allowances counted in the database, for limits that are not counted from the rows they limit (a PDF preview
 * leaves no row): every app instance shares the count, one statement per request. A key's window opens with its
 * first request and lasts a minute, so a burst is judged as one burst wherever it falls on the clock.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { rateCounts } from "@/lib/db/schema";

export const WINDOW_MS = 60_000;

/**
 * Counts `points` against `key`'s allowance of `perMinute` in its current window. Answers undefined when allowed,
 * or the seconds until the window ends when the allowance is spent (the points are counted either way).
 */
export async function takeAllowance(db: TDb, options: { key: string; points: number; perMinute: number; now: Date }): Promise<number | undefined> {
  const points = Math.max(1, Math.min(options.points, options.perMinute));
  const opensBefore = new Date(options.now.getTime() - WINDOW_MS);
  const open = sql`${rateCounts.windowStart} > ${opensBefore}`;
  const [row] = await db
    .insert(rateCounts)
    .values({ key: options.key, windowStart: options.now, points })
    .onConflictDoUpdate({
      target: rateCounts.key,
      set: {
        points: sql`case when ${open} then ${rateCounts.points} + excluded.points else excluded.points end`,
        windowStart: sql`case when ${open} then ${rateCounts.windowStart} else excluded.window_start end`,
      },
    })
    .returning({ points: rateCounts.points, windowStart: rateCounts.windowStart });
  if (!row || row.points <= options.perMinute) return undefined;
  return Math.max(1, Math.ceil((row.windowStart.getTime() + WINDOW_MS - options.now.getTime()) / 1000));
}

/** Windows that ended an hour ago or more (housekeeping). */
export async function deleteOldAllowances(db: TDb, now: Date): Promise<number> {
  const deleted = await db
    .delete(rateCounts)
    .where(sql`${rateCounts.windowStart} < ${new Date(now.getTime() - 60 * WINDOW_MS)}`)
    .returning({ key: rateCounts.key });
  return deleted.length;
}
