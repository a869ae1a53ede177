/**
 * Runs the retention job from the worker loop at most once an hour, whichever of several workers gets there: one
 * statement claims the hour in `job_runs` (the row's update is atomic, so two workers cannot both claim it), and
 * only the claimer runs the job. A run that fails is tried again the next hour (the job is idempotent).
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { applyRetention, type TRetentionResult } from "./apply-retention";

export const RETENTION_INTERVAL_MS = 60 * 60_000;

export async function runRetentionWhenDue(db: TDb, now: Date): Promise<TRetentionResult | undefined> {
  const claimed = (await db.execute(sql`
    insert into job_runs (name, last_run_at) values ('retention', ${now})
    on conflict (name) do update set last_run_at = excluded.last_run_at
      where job_runs.last_run_at <= ${new Date(now.getTime() - RETENTION_INTERVAL_MS)}
    returning name`)) as unknown as { rows: unknown[] };
  if (claimed.rows.length === 0) return undefined;
  return applyRetention(db, now);
}
