/**
 * A campaign's numbers for the admin (issue 11): letters sent per day over the last 30 days, the letters that count
 * broken down by audience, official, channel, language and partner, and the funnel (previews, submissions,
 * confirmations, sent, bounced, posted) with the confirmation rate. Counts only: no supporter's name, address or
 * text is read. Test mode's letters (letters.test) and their actions are left out everywhere, as on the public
 * counter (lib/campaigns/letter-counts.ts).
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";

export const DAYS = 30;

export type TCount = { key: string; label: string; count: number };
export type TCampaignNumbers = {
  slug: string;
  /** Oldest first, one entry per UTC day (YYYY-MM-DD), the last one today. */
  perDay: { day: string; count: number }[];
  byAudience: TCount[];
  byRecipient: TCount[];
  byChannel: TCount[];
  byLanguage: TCount[];
  byPartner: TCount[];
  funnel: { previews: number; submissions: number; confirmations: number; sent: number; bounced: number; posted: number };
  /** Email actions confirmed out of email actions submitted (null before the first). */
  confirmationRate: number | null;
};

type TRows<T> = { rows: T[] };
const rows = async <T>(db: TDb, query: ReturnType<typeof sql>) => ((await db.execute(query)) as unknown as TRows<T>).rows;

/** Letters that count, as the public counter counts them, of real (not test) letters. */
const COUNTED = sql`l.test = false and (l.status in ('queued', 'sending', 'sent') or (l.status = 'posted' and l.printed_at is not null))`;
/** Letters that went out: sent (by us, or from the supporter's mail app) or posted after the print step. */
const WENT = sql`l.test = false and (l.status = 'sent' or (l.status = 'posted' and l.printed_at is not null))`;

export function lastDays(now: Date, days = DAYS): string[] {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Array.from({ length: days }, (_, i) => new Date(today - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

export async function campaignNumbers(db: TDb, slug: string, now: Date): Promise<TCampaignNumbers> {
  const days = lastDays(now);
  const since = `${days[0]}T00:00:00Z`;
  const [perDayRows, audienceRows, recipientRows, channelRows, languageRows, partnerRows, funnelRows, previewRows] = await Promise.all([
    rows<{ day: string; n: number }>(
      db,
      sql`select to_char(coalesce(l.sent_at, l.updated_at) at time zone 'UTC', 'YYYY-MM-DD') as day, count(*)::int as n
        from letters l where l.campaign_slug = ${slug} and ${WENT} and coalesce(l.sent_at, l.updated_at) >= ${since}::timestamptz
        group by 1`,
    ),
    rows<{ key: string; label: string | null; n: number }>(
      db,
      sql`select l.audience_id as key, a.title ->> 'en' as label, count(*)::int as n
        from letters l left join audiences a on a.campaign_slug = l.campaign_slug and a.id = l.audience_id
        where l.campaign_slug = ${slug} and ${COUNTED} group by 1, 2 order by 3 desc, 1`,
    ),
    rows<{ key: string; label: string | null; n: number }>(
      db,
      sql`select l.recipient_id as key, concat_ws(', ', r.name, r.role ->> 'en') as label, count(*)::int as n
        from letters l left join recipients r on r.id = l.recipient_id
        where l.campaign_slug = ${slug} and ${COUNTED} group by 1, 2 order by 3 desc, 1`,
    ),
    rows<{ key: string; n: number }>(db, sql`select l.channel as key, count(*)::int as n from letters l where l.campaign_slug = ${slug} and ${COUNTED} group by 1 order by 2 desc, 1`),
    rows<{ key: string; n: number }>(db, sql`select l.language as key, count(*)::int as n from letters l where l.campaign_slug = ${slug} and ${COUNTED} group by 1 order by 2 desc, 1`),
    rows<{ key: string | null; label: string | null; n: number }>(
      db,
      sql`select a.partner as key, p.name as label, count(*)::int as n
        from letters l join actions a on a.id = l.action_id left join partners p on p.code = a.partner
        where l.campaign_slug = ${slug} and ${COUNTED} group by 1, 2 order by 3 desc, 1`,
    ),
    rows<{ submissions: number; email_actions: number; confirmed_email: number; confirmations: number; sent: number; bounced: number; posted: number }>(
      db,
      sql`with real_actions as (
          select a.* from actions a where a.campaign_slug = ${slug}
            and not exists (select 1 from letters t where t.action_id = a.id and t.test)
        )
        select
          (select count(*)::int from real_actions) as submissions,
          (select count(*)::int from real_actions where delivery = 'email') as email_actions,
          (select count(*)::int from real_actions where delivery = 'email' and status = 'confirmed') as confirmed_email,
          (select count(*)::int from real_actions where status = 'confirmed') as confirmations,
          (select count(*)::int from letters l where l.campaign_slug = ${slug} and l.test = false and l.status = 'sent') as sent,
          (select count(*)::int from letters l where l.campaign_slug = ${slug} and l.test = false and l.status = 'bounced') as bounced,
          (select count(*)::int from letters l where l.campaign_slug = ${slug} and l.test = false and l.status = 'posted' and l.printed_at is not null) as posted`,
    ),
    rows<{ n: number }>(db, sql`select coalesce(sum(count), 0)::int as n from campaign_previews where campaign_slug = ${slug}`),
  ]);
  const perDay = new Map(perDayRows.map((r) => [r.day, Number(r.n)]));
  const f = funnelRows[0]!;
  const counts = (list: { key: string | null; label?: string | null; n: number }[], fallback: (key: string) => string = (k) => k) =>
    list.map((r) => ({ key: r.key ?? "", label: r.label || fallback(r.key ?? ""), count: Number(r.n) }));
  return {
    slug,
    perDay: days.map((day) => ({ day, count: perDay.get(day) ?? 0 })),
    byAudience: counts(audienceRows),
    byRecipient: counts(recipientRows),
    byChannel: counts(channelRows),
    byLanguage: counts(languageRows),
    byPartner: counts(partnerRows, (key) => (key ? key : "directly on the site")),
    funnel: {
      previews: Number(previewRows[0]?.n ?? 0),
      submissions: Number(f.submissions),
      confirmations: Number(f.confirmations),
      sent: Number(f.sent),
      bounced: Number(f.bounced),
      posted: Number(f.posted),
    },
    confirmationRate: Number(f.email_actions) > 0 ? Number(f.confirmed_email) / Number(f.email_actions) : null,
  };
}
