import { PartnerForm } from "@/components/admin/partner-form/partner-form";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import type { TPartnerDoc } from "@/lib/content/docs";
import "../../content-forms.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "New partner" };

export default async function NewPartnerPage() {
  const campaigner = await requireCampaigner();
  // Empty fields to fill: who the partner is, and where it may embed, are the owner's to write.
  const blank = { code: "", name: "", site: "", allowedOrigins: [] } as unknown as TPartnerDoc;
  return (
    <section>
      <p>
        <a href="/admin/partners">← Partners</a>
      </p>
      <h1>New partner</h1>
      <PartnerForm initial={blank} mode="create" canWrite={hasRole(campaigner.role, "owner")} />
    </section>
  );
}
