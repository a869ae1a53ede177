import "server-only";
import type { TDb } from "@/lib/db/open";
import { deleteOldAllowances } from "@/lib/limits/take-allowance";
import { deleteExpiredActions } from "./confirm-action";
import { deleteSpentProofs } from "@/lib/bot-check/delete-spent-proofs";
import { pausePastDeadline } from "@/lib/campaigns/pause-past-deadline";

export const HOUSEKEEPING_INTERVAL_MS = 10 * 60_000;

/**
 * Deletes unconfirmed actions (and their letters) once their confirmation link has expired, the counters of limit
 * windows long past, and spent bot-check proofs that have expired, and pauses the campaigns whose "write before" day
 * has come (issue 11), every few minutes.
 * Runs wherever the sender runs: in the web process on PGlite, in `npm run worker` on Postgres (several at once is
 * harmless: the delete is idempotent). Returns the function that stops it.
 */
export function startHousekeeping(db: TDb, now: () => Date = () => new Date()): () => void {
  const timer = setInterval(() => {
    deleteExpiredActions(db, now()).catch((error: unknown) => console.error(error));
    deleteOldAllowances(db, now()).catch((error: unknown) => console.error(error));
    deleteSpentProofs(db, now()).catch((error: unknown) => console.error(error));
    pausePastDeadline(db, now()).catch((error: unknown) => console.error(error));
  }, HOUSEKEEPING_INTERVAL_MS);
  timer.unref();
  return () => clearInterval(timer);
}
