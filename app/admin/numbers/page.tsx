import { LettersPerPartner } from "@/components/admin/letters-per-partner";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { db } from "@/lib/db/client";
import { countDirectLetters, listPartners } from "@/lib/partners/list-partners";

export const dynamic = "force-dynamic";
export const metadata = { title: "Numbers" };

export default async function NumbersPage() {
  await requireCampaigner();
  const database = await db();
  const [partners, direct] = await Promise.all([listPartners(database), countDirectLetters(database)]);
  return (
    <section>
      <h1>Numbers</h1>
      <p className="admin-empty">Letters written, sent and posted per campaign, day by day, arrive here in the next release.</p>
      <LettersPerPartner partners={partners} direct={direct} />
    </section>
  );
}
