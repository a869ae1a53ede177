/**
 * The supporters of a campaign who asked for news (actions.consent.updates), one per mailbox
 * (lib/actions/canonical-mailbox.ts: `a+x@` and `A@` are one person), the newest action of each: its name, address
 * and page language, and when the consent was given. Not those who unsubscribed (unsubscribing withdraws the consent
 * on the mailbox's actions, lib/news/unsubscribe.ts), not anonymised ones, and only actions that went through
 * (confirmed: an unconfirmed email action is deleted after 48 hours anyway).
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { actions } from "@/lib/db/schema";

export type TSubscriber = { actionId: string; name: string; email: string; mailbox: string; language: string; consentedAt: Date };

/** The SQL of the list, for statements that use it as a sub-select (lib/news/queue-news.ts). */
export function subscribersOf(slug: string) {
  return sql`select distinct on (supporter_mailbox) id, supporter_name, supporter_email, supporter_mailbox,
      coalesce(page_language, language, 'en') as language, created_at
    from ${actions}
    where campaign_slug = ${slug} and status = 'confirmed' and anonymised_at is null
      and supporter_email is not null and supporter_mailbox is not null and (consent ->> 'updates') = 'true'
    order by supporter_mailbox, created_at desc`;
}

export async function listSubscribers(db: TDb, slug: string): Promise<TSubscriber[]> {
  const result = (await db.execute(sql`select * from (${subscribersOf(slug)}) s order by created_at`)) as unknown as {
    rows: { id: string; supporter_name: string; supporter_email: string; supporter_mailbox: string; language: string; created_at: string | Date }[];
  };
  return result.rows.map((r) => ({
    actionId: r.id,
    name: r.supporter_name,
    email: r.supporter_email,
    mailbox: r.supporter_mailbox,
    language: r.language,
    consentedAt: new Date(r.created_at),
  }));
}

export async function countSubscribers(db: TDb, slug: string): Promise<number> {
  const result = (await db.execute(sql`select count(*)::int as n from (${subscribersOf(slug)}) s`)) as unknown as { rows: { n: number }[] };
  return Number(result.rows[0]?.n ?? 0);
}
