import { RecipientForm } from "@/components/admin/recipient-form/recipient-form";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import type { TRecipientDoc } from "@/lib/content/docs";
import "../../content-forms.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "New recipient" };

export default async function NewRecipientPage() {
  const campaigner = await requireCampaigner();
  const today = new Date().toISOString().slice(0, 10);
  // Empty fields to fill: the facts, and where they come from, are the campaigner's to write.
  const blank = { id: "", kind: "", role: { en: "" }, organisation: { en: "" }, country: "", channels: ["post"], salutation: { en: "" }, source: [], verifiedOn: today } as unknown as TRecipientDoc;
  return (
    <section>
      <p>
        <a href="/admin/recipients">← Recipients</a>
      </p>
      <h1>New recipient</h1>
      <RecipientForm initial={blank} mode="create" canWrite={hasRole(campaigner.role, "editor")} today={today} />
    </section>
  );
}
