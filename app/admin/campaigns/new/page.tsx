import { CampaignForm } from "@/components/admin/campaign-form/campaign-form";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import type { TCampaignDoc } from "@/lib/content/docs";
import { db } from "@/lib/db/client";
import { directoryOptions } from "@/lib/recipients/directory-options";
import "../../content-forms.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "New campaign" };

/** A new campaign starts as a draft: only campaigners see it until it goes live from its editor. */
export default async function NewCampaignPage() {
  const campaigner = await requireCampaigner();
  // Empty fields to fill, not content: nothing here is published until the campaigner writes it.
  const blank = {
    campaign: {
      slug: "",
      status: "draft",
      defaultLanguage: "en",
      subject: "",
      source: { organisation: "", title: "" },
      caseStatus: { asOf: new Date().toISOString().slice(0, 10), text: { en: "" } },
      timeline: [{ date: "", text: { en: "" }, source: "" }],
      audiences: [{ id: "", title: { en: "" }, defaultLanguage: "en", recipients: [], demands: { en: [] } }],
    },
    content: { en: { title: "", summary: "", background: "" } },
  } as unknown as TCampaignDoc;
  return (
    <section>
      <p>
        <a href="/admin/campaigns">← Campaigns</a>
      </p>
      <h1>New campaign</h1>
      <p>It is saved as a draft. Add its letter templates next; it can go live once every audience has an English template.</p>
      <CampaignForm initial={blank} mode="create" savedStatus="draft" statuses={["draft"]} directory={await directoryOptions(await db())} canWrite={hasRole(campaigner.role, "editor")} />
    </section>
  );
}
