import { notFound } from "next/navigation";
import { PartnerKeys } from "@/components/admin/partner-keys";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { getPartner } from "@/lib/partners/get-partner";
import { listApiKeys } from "@/lib/partners/list-api-keys";
import { PartnerHeader } from "../../partner-header";
import "../../../content-forms.css";
import "../../partner-api.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Partner API keys" };

/** A partner's API keys: owners make (shown once) and revoke them; everyone in the admin sees the list. */
export default async function PartnerKeysPage({ params }: { params: Promise<{ code: string }> }) {
  const me = await requireCampaigner();
  const { code } = await params;
  const database = await db();
  const partner = await getPartner(database, code);
  if (!partner) notFound();
  const keys = await listApiKeys(database, partner.code);
  return (
    <section className="partner-api">
      <PartnerHeader code={partner.code} name={partner.name} title="API keys" current="keys" />
      <p>
        A key lets the partner&apos;s server send its own form&apos;s supporters&apos; letters (<code>POST /api/v1/actions</code>) and read its
        numbers (<code>GET /api/v1/partners/me/stats</code>). Supporters still confirm by email. Keys work from servers only, never from a web
        page. {partner.active ? null : <strong>This partner is inactive: its keys do not work.</strong>}
      </p>
      <PartnerKeys code={partner.code} keys={keys} canWrite={hasRole(me.role, "owner")} />
    </section>
  );
}
