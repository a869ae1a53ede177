import { requireCampaigner } from "@/lib/auth/require-campaigner";

export const dynamic = "force-dynamic";
export const metadata = { title: "Deliveries" };

export default async function DeliveriesPage() {
  await requireCampaigner();
  return (
    <section>
      <h1>Deliveries</h1>
      <p className="admin-empty">Deliveries, bounces and the queue of each campaign arrive here in the next release. Until then, the sender&apos;s log shows what was sent.</p>
    </section>
  );
}
