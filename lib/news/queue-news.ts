/**
 * Queues a campaign's news (a dated update, or the closing outcome) for every supporter who asked for news: one
 * outbox row per mailbox, in one statement, inside the caller's transaction. A row holds the makings only (the
 * action, the update's texts): the worker composes each email when it sends it (lib/news/news-message.ts), in the
 * supporter's language, with an unsubscribe token it makes then, and checks the consent again at that moment.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { outbox, type TCaseUpdate } from "@/lib/db/schema";
import type { TNewsRequest } from "@/lib/mail/types";
import { subscribersOf } from "./list-subscribers";

export const NEWS_KIND = "news";

export async function queueNews(tx: TDb, slug: string, update: TCaseUpdate, options: { closing: boolean }): Promise<number> {
  const makings: Omit<TNewsRequest, "actionId"> = { news: { slug, update, closing: options.closing } };
  const inserted = (await tx.execute(sql`
    insert into ${outbox} (kind, message)
    select ${NEWS_KIND}, ${JSON.stringify(makings)}::jsonb || jsonb_build_object('actionId', s.id)
    from (${subscribersOf(slug)}) s
    returning id`)) as unknown as { rows: unknown[] };
  return inserted.rows.length;
}
