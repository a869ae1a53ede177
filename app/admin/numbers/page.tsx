import { requireCampaigner } from "@/lib/auth/require-campaigner";

export const dynamic = "force-dynamic";
export const metadata = { title: "Numbers" };

export default async function NumbersPage() {
  await requireCampaigner();
  return (
    <section>
      <h1>Numbers</h1>
      <p className="admin-empty">Letters written, sent and posted per campaign, day by day, arrive here in the next release.</p>
    </section>
  );
}
