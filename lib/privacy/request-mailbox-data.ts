import "server-only";
/**
 * A supporter asks, on /privacy/my-data, what is stored about their email address. A link is mailed to the address
 * (through the outbox, like every message of the organisation's): only the mailbox's owner can open it. The answer
 * is the same whether or not anything is stored about the address, and the link is mailed either way, so the form
 * tells nobody who wrote letters. Requests are counted per mailbox and per IP hash, so the form cannot be used to
 * flood someone's mailbox.
 */
import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { hashToken, newToken } from "@/lib/actions/tokens";
import { AppError } from "@/lib/errors/app-error";
import type { TLanguage } from "@/lib/i18n/languages";
import type { TMyDataLinkRequest } from "@/lib/mail/types";
import { ZMyDataRequest } from "@/lib/schemas/my-data-request";
import { zodFieldErrors } from "@/lib/http/problem";
import { PRIVACY_LINK_TTL_MS, mailboxKey } from "./mailbox";

/** Requests allowed per hour for one mailbox, and from one IP hash. */
export type TPrivacyRateLimits = { perMailboxPerHour: number; perIpPerHour: number };
export const DEFAULT_PRIVACY_RATE_LIMITS: TPrivacyRateLimits = { perMailboxPerHour: 3, perIpPerHour: 20 };

export async function requestMailboxData(
  db: TDb,
  body: unknown,
  options: { ipHash?: string; language: TLanguage; now: Date; limits?: TPrivacyRateLimits },
): Promise<{ requestId: string }> {
  const parsed = ZMyDataRequest.safeParse(body);
  if (!parsed.success) throw new AppError("INVALID_INPUT", "Please check the email address.", zodFieldErrors(parsed.error));
  // (Required by the schema; the letter form's rule it shares reads an empty address as none.)
  const email = parsed.data.email ?? "";
  const limits = options.limits ?? DEFAULT_PRIVACY_RATE_LIMITS;
  const token = newToken();
  const id = randomUUID();
  const since = new Date(options.now.getTime() - 60 * 60 * 1000);
  // The stored hash is of a token nobody ever sees: the worker makes the link's own when it mails it
  // (my-data-message.ts), so no token waits in the outbox in clear.
  const makings: TMyDataLinkRequest = { privacyRequestId: id, language: options.language };
  // Checks and writes in one statement, as the submission does (lib/actions/submit-action.ts): the counts stop at
  // their limits, and the request and its email are written together or not at all.
  const result = (await db.execute(sql`
    with checks as (
      select
        (select count(*)::int from (select 1 from privacy_requests where email_key = ${mailboxKey(email)} and created_at >= ${since} limit ${limits.perMailboxPerHour}) r) as by_mailbox,
        (select count(*)::int from (select 1 from privacy_requests where ip_hash = ${options.ipHash ?? null} and created_at >= ${since} limit ${limits.perIpPerHour}) r) as by_ip
    ), new_request as (
      insert into privacy_requests (id, email, email_key, ip_hash, token_hash, language, expires_at, created_at)
      select ${id}, ${email}, ${mailboxKey(email)}, ${options.ipHash ?? null}, ${hashToken(token)}, ${options.language},
             ${new Date(options.now.getTime() + PRIVACY_LINK_TTL_MS)}, ${options.now}
      from checks where by_mailbox < ${limits.perMailboxPerHour} and by_ip < ${limits.perIpPerHour}
      returning id, created_at
    ), new_mail as (
      insert into outbox (kind, message, next_attempt_at, created_at)
      select 'my-data', ${JSON.stringify(makings)}::jsonb, created_at, created_at from new_request
    )
    select (select count(*)::int from new_request) as inserted`)) as unknown as { rows: { inserted: number }[] };
  if (result.rows[0]?.inserted !== 1) {
    throw new AppError("TOO_MANY_REQUESTS", "Too many requests for this address or from here. Please try again in an hour.", [], { retryAfter: 3600 });
  }
  return { requestId: id };
}
