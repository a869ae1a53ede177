/**
 * Which rows belong to a mailbox, as SQL conditions shared by the export and the deletion, so the two can never
 * disagree about what "everything stored about this address" is. The address is compared lower-cased.
 */
import "server-only";
import { sql, type SQL } from "drizzle-orm";

/** Actions given under the address (in any letter case). */
export function actionsOfMailbox(mailbox: string): SQL {
  return sql`lower(supporter_email) = ${mailbox}`;
}

/**
 * Outbox rows for the mailbox: a confirmation of one of its actions, its own data-link emails, or a ready message
 * addressed to it.
 */
export function outboxOfMailbox(mailbox: string, emailKey: string): SQL {
  return sql`(
    (message->>'actionId' in (select id::text from actions where lower(supporter_email) = ${mailbox}))
    or (message->>'privacyRequestId' in (select id::text from privacy_requests where email_key = ${emailKey}))
    or lower(message->'to'->>'address') = ${mailbox})`;
}

/**
 * Captured mail (kept instead of sent when SMTP_URL is unset) to the mailbox, and copies of the letters sent on its
 * behalf, found by the Message-ID each letter's copy carries (lib/delivery/build-letter-message.ts), so a letter
 * of another address never matches. With `digests`, also the daily digests that carried one of its letters: those
 * hold other supporters' letters too, so they are deleted with the mailbox's data but not shown in its export.
 */
export function capturedOfMailbox(mailbox: string, options: { digests: boolean }): SQL {
  const letterIds = sql`select l.id, l.digest_id from letters l join actions a on a.id = l.action_id where lower(a.supporter_email) = ${mailbox}`;
  return sql`(
    lower("to") = ${mailbox}
    or position(${`<${mailbox}>`} in lower("to")) > 0
    or (kind = 'letter' and exists (select 1 from (${letterIds}) m where position('<letter-' || m.id::text || '@' in raw) > 0))
    ${options.digests ? sql`or (kind = 'digest' and exists (select 1 from (${letterIds}) m where m.digest_id is not null and position('<digest-' || m.digest_id::text || '@' in raw) > 0))` : sql``})`;
}
