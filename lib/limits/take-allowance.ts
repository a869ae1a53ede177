/**
 * Allowances counted in the database in fixed one-minute windows, for limits that are not counted from the rows
 * they limit (a PDF preview leaves no row): every app instance shares the count, one statement per request.
 */
import { sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { rateCounts } from "@/lib/db/schema";

export const WINDOW_MS = 60_000;

/**
 * Counts `points` against `key`'s allowance of `perMinute` in the current window. Answers undefined when allowed,
 * or the seconds until the window ends when the allowance is spent (the points are counted either way).
 */
export async function takeAllowance(db: TDb, options: { key: string; points: number; perMinute: number; now: Date }): Promise<number | undefined> {
  const points = Math.max(1, Math.min(options.points, options.perMinute));
  const windowStart = new Date(Math.floor(options.now.getTime() / WINDOW_MS) * WINDOW_MS);
  const [row] = await db
    .insert(rateCounts)
    .values({ key: options.key, windowStart, points })
    .onConflictDoUpdate({ target: [rateCounts.key, rateCounts.windowStart], set: { points: sql`${rateCounts.points} + excluded.points` } })
    .returning({ points: rateCounts.points });
  if ((row?.points ?? 0) <= options.perMinute) return undefined;
  return Math.ceil((windowStart.getTime() + WINDOW_MS - options.now.getTime()) / 1000);
}

/** Windows that ended an hour ago or more (housekeeping). */
export async function deleteOldAllowances(db: TDb, now: Date): Promise<number> {
  const deleted = await db
    .delete(rateCounts)
    .where(sql`${rateCounts.windowStart} < ${new Date(now.getTime() - 60 * WINDOW_MS)}`)
    .returning({ key: rateCounts.key });
  return deleted.length;
}
