/**
 * What "anonymised" means for an action and its letters, as SQL shared by the supporter's deletion and the retention
 * job: the supporter's name, email, city, postal address, note, IP hash, consents and idempotency key go, and the
 * letters' texts and laid-out pages (which carry the name and city); campaign, recipients, channels, statuses and
 * dates stay, so the campaign's numbers do not change. Letters not yet sent are cancelled: there is nothing left to
 * send, and the worker only takes queued letters (a letter in flight at that moment finds itself cancelled when the
 * worker records its outcome, which then changes nothing: lib/delivery/letter-outcomes.ts).
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";

/** Why a letter was cancelled: its writer's data was deleted (at their request or by retention). */
export const DATA_DELETED = "data-deleted";

/** The letters' update; `actionIds` selects the actions (a sub-select of ids). */
export function anonymiseLetters(actionIds: SQL, now: Date): SQL {
  return sql`update letters set
      status = case when status in ('awaiting-confirmation', 'queued', 'sending') then 'cancelled' else status end,
      last_error = case when status in ('awaiting-confirmation', 'queued', 'sending') then ${DATA_DELETED} else last_error end,
      locked_until = null,
      body = '',
      -- The page keeps only what is not the supporter's: paper, language, subject, the official's address. (The
      -- footer names the supporter on their own copy, so it goes too.)
      page = page || '{"blocks": [], "sender": [], "dateText": "", "footer": ""}'::jsonb,
      updated_at = ${now}
    where action_id in (${actionIds})`;
}

/** The actions' update. */
export function anonymiseActions(actionIds: SQL, now: Date): SQL {
  return sql`update actions set
      status = case when status = 'awaiting-confirmation' then 'expired' else status end,
      supporter_name = '', supporter_email = '', supporter_mailbox = null, idempotency_fingerprint = null, city = '', postal_address = null, personal_note = null,
      ip_hash = null, consent = '{}'::jsonb, idempotency_key = null, confirm_token_hash = null,
      anonymised_at = ${now}, updated_at = ${now}
    where id in (${actionIds})`;
}
