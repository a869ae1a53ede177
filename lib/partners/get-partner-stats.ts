/**
 * A partner's own numbers (GET /api/v1/partners/me/stats): per campaign, the actions attributed to it, how many were
 * confirmed, and their letters by where they are. Counts only: no supporter, no letter text.
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import type { TPartnerStats } from "@/lib/schemas/partner-api";

type TRow = { campaign: string; actions: number; confirmed: number; sent: number; queued: number; posted: number };

export async function getPartnerStats(db: TDb, partnerCode: string, now: Date): Promise<TPartnerStats> {
  const result = (await db.execute(sql`
    select a.campaign_slug as campaign,
      count(distinct a.id)::int as actions,
      count(distinct a.id) filter (where a.status = 'confirmed')::int as confirmed,
      count(l.id) filter (where l.status = 'sent')::int as sent,
      count(l.id) filter (where l.status in ('queued', 'sending', 'held'))::int as queued,
      count(l.id) filter (where l.status = 'posted')::int as posted
    from actions a left join letters l on l.action_id = a.id
    where a.partner = ${partnerCode}
    group by a.campaign_slug
    order by a.campaign_slug`)) as unknown as { rows: TRow[] };
  const campaigns = result.rows.map((r) => ({
    campaign: r.campaign,
    actions: Number(r.actions),
    confirmed: Number(r.confirmed),
    letters: { sent: Number(r.sent), queued: Number(r.queued), posted: Number(r.posted) },
  }));
  const sum = (pick: (c: (typeof campaigns)[number]) => number) => campaigns.reduce((total, c) => total + pick(c), 0);
  return {
    partner: partnerCode,
    asOf: now.toISOString(),
    totals: { actions: sum((c) => c.actions), confirmed: sum((c) => c.confirmed), letters: { sent: sum((c) => c.letters.sent), queued: sum((c) => c.letters.queued), posted: sum((c) => c.letters.posted) } },
    campaigns,
  };
}
