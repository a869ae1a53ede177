import { notFound } from "next/navigation";
import { PartnerWebhooks } from "@/components/admin/partner-webhooks";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { getPartner } from "@/lib/partners/get-partner";
import { listWebhooks } from "@/lib/webhooks/list-webhooks";
import { PartnerHeader } from "../../partner-header";
import "../../../content-forms.css";
import "../../partner-api.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Partner webhooks" };

/** A partner's webhook endpoints and delivery log: owners add, test, turn off and redeliver; everyone reads. */
export default async function PartnerWebhooksPage({ params }: { params: Promise<{ code: string }> }) {
  const me = await requireCampaigner();
  const { code } = await params;
  const database = await db();
  const partner = await getPartner(database, code);
  if (!partner) notFound();
  const { endpoints, deliveries } = await listWebhooks(database, partner.code);
  return (
    <section className="partner-api">
      <PartnerHeader code={partner.code} name={partner.name} title="Webhooks" current="webhooks" />
      <p>
        Signed events (Standard Webhooks) for the partner&apos;s actions: <code>action.confirmed</code>, <code>letter.sent</code>,{" "}
        <code>letter.bounced</code>, and campaign news. A supporter&apos;s name and email are in them only when the supporter ticked consent
        for this partner. A receiver that does not answer 2xx is tried again with back-off for 24 hours.
      </p>
      <PartnerWebhooks code={partner.code} endpoints={endpoints} deliveries={deliveries} canWrite={hasRole(me.role, "owner")} />
    </section>
  );
}
