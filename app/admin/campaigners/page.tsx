import { asc } from "drizzle-orm";
import { CampaignerList } from "@/components/admin/campaigner-list";
import { InviteForm } from "@/components/admin/invite-form";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { ROLE_LABELS } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { campaigners } from "@/lib/db/schema";

export const dynamic = "force-dynamic";
export const metadata = { title: "Campaigners" };

/** Owners invite and remove campaigners and set their roles. */
export default async function CampaignersPage() {
  const me = await requireCampaigner("owner");
  const rows = await (await db()).select().from(campaigners).orderBy(asc(campaigners.createdAt));
  return (
    <section>
      <h1>Campaigners</h1>
      <ul>
        {Object.values(ROLE_LABELS).map((label) => (
          <li key={label}>{label}</li>
        ))}
      </ul>
      {/* Keyed by who is listed, so the list starts over when an invitation or a removal changes it. */}
      <CampaignerList key={rows.map((r) => `${r.id}:${r.role}`).join(",")} me={me.id} campaigners={rows.map((r) => ({ id: r.id, name: r.name, email: r.email, role: r.role, since: r.createdAt.toISOString().slice(0, 10) }))} />
      <h2>Invite a campaigner</h2>
      <InviteForm />
    </section>
  );
}
