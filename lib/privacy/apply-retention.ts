/**
 * The retention job: supporters' personal data is anonymised `retentionDays` (campaign settings, default 180) after
 * their campaign closed, and captured mail is deleted after 7 days; the numbers (letters per campaign, their
 * statuses, dates) stay. Expired data-link requests, which hold an address, go as well.
 *
 * Each step is one statement, idempotent (what is done already no longer matches), so several workers may run it
 * at once or one may die half-way: the next run completes it. The order matters only within a run: outbox and
 * letters are found through actions not yet anonymised, so the actions are anonymised last.
 *
 * When a campaign closed is `campaigns.closed_at`, written when its status becomes closed in this database (content
 * sync). The first statement also fills it for a campaign found closed without one (a database from before the
 * column, or a status set by hand), counting from that run: data is then kept a little longer, never less.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { anonymiseActions, anonymiseLetters } from "./anonymise";

export const CAPTURED_MAIL_DAYS = 7;

export type TRetentionResult = { actions: number; letters: number; outbox: number; capturedMail: number; privacyRequests: number };

type TRows = { rows: unknown[] };
const count = (result: unknown) => (result as TRows).rows.length;

export async function applyRetention(db: TDb, now: Date): Promise<TRetentionResult> {
  await db.execute(sql`
    update campaigns set closed_at = case when status = 'closed' then ${now}::timestamptz else null end
    where (status = 'closed') <> (closed_at is not null)`);
  // Actions of campaigns closed longer ago than their retention, not anonymised yet.
  const due = sql`select a.id from actions a join campaigns c on c.slug = a.campaign_slug
    where c.status = 'closed' and c.closed_at is not null and a.anonymised_at is null
      and c.closed_at + make_interval(days => coalesce((c.settings->>'retentionDays')::int, 180)) <= ${now}`;
  const outbox = count(await db.execute(sql`delete from outbox where message->>'actionId' in (select id::text from (${due}) d) returning id`));
  const letters = count(await db.execute(sql`${anonymiseLetters(due, now)} returning id`));
  const actions = count(await db.execute(sql`${anonymiseActions(due, now)} returning id`));
  const capturedMail = count(
    await db.execute(sql`delete from captured_mail where created_at < ${new Date(now.getTime() - CAPTURED_MAIL_DAYS * 86_400_000)} returning id`),
  );
  const privacyRequests = count(await db.execute(sql`delete from privacy_requests where expires_at <= ${now} returning id`));
  return { actions, letters, outbox, capturedMail, privacyRequests };
}
