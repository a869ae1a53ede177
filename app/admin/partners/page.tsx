import { requireCampaigner } from "@/lib/auth/require-campaigner";

export const dynamic = "force-dynamic";
export const metadata = { title: "Partners" };

export default async function PartnersPage() {
  await requireCampaigner();
  return (
    <section>
      <h1>Partners</h1>
      <p className="admin-empty">Partner organisations, their embed codes and API keys arrive here in a later release.</p>
    </section>
  );
}
