import { LettersPerPartner } from "@/components/admin/letters-per-partner";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { db } from "@/lib/db/client";
import { countDirectLetters, listPartners } from "@/lib/partners/list-partners";
import "./numbers.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Numbers" };

/** The campaign picker of the numbers: each campaign with its letters so far, linking to its numbers page. */
export default async function NumbersPage() {
  await requireCampaigner();
  const database = await db();
  const [campaigns, partners, direct] = await Promise.all([listCampaigns(database), listPartners(database), countDirectLetters(database)]);
  const rows = campaigns.filter((c) => c.status !== "draft");
  return (
    <section>
      <h1>Numbers</h1>
      <p>Letters written, sent and posted per campaign, day by day, and how supporters got there. Counts only: no supporter&apos;s details.</p>
      {rows.length === 0 ? <p className="admin-empty">No campaign has been live yet.</p> : null}
      <ul className="numbers-picker" data-testid="numbers-campaigns">
        {rows.map((c) => (
          <li key={c.slug}>
            <a href={`/admin/numbers/${c.slug}`}>{c.title}</a> <span className={`admin-badge admin-badge--${c.status}`}>{c.status}</span>
            <br />
            <code>{c.slug}</code>
          </li>
        ))}
      </ul>
      <LettersPerPartner partners={partners} direct={direct} />
    </section>
  );
}
