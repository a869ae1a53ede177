import { notFound } from "next/navigation";
import { PartnerForm } from "@/components/admin/partner-form/partner-form";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import type { TPartnerDoc } from "@/lib/content/docs";
import { readPublished } from "@/lib/content/read-doc";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { listPartners } from "@/lib/partners/list-partners";
import { SLUG } from "@/lib/schemas/ids";
import "../../content-forms.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Edit partner" };

export default async function EditPartnerPage({ params, searchParams }: { params: Promise<{ code: string }>; searchParams: Promise<{ created?: string }> }) {
  const campaigner = await requireCampaigner();
  const { code } = await params;
  if (!SLUG.test(code)) notFound();
  const database = await db();
  const [version, partners] = await Promise.all([readPublished(database, "partner", code), listPartners(database)]);
  const row = partners.find((p) => p.code === code);
  if (!version || !row) notFound();
  const doc = version.doc as TPartnerDoc;
  const snippet = `<div data-urgent-letters data-campaign="CAMPAIGN-SLUG" data-partner="${code}" data-lang="en"></div>\n<script src="${publicUrl()}/embed.js" async></script>`;
  return (
    <section>
      <p>
        <a href="/admin/partners">← Partners</a>
      </p>
      <h1>{doc.name}</h1>
      {(await searchParams).created ? <p role="status">Partner added. Give them the embed code below.</p> : null}
      <p className="admin-row">
        <a href={`/admin/history?entity=partner&key=${encodeURIComponent(code)}`}>History (version {version.version})</a>
        <a href={`/admin/partners/${code}/keys`}>API keys</a>
        <a href={`/admin/partners/${code}/webhooks`}>Webhooks</a>
        <span data-testid="partner-letter-count">
          {row.letters} letter{row.letters === 1 ? "" : "s"} through this partner
        </span>
      </p>
      <PartnerForm key={version.id} initial={doc} mode="edit" canWrite={hasRole(campaigner.role, "owner")} />
      <section className="form-section" aria-labelledby="p-embed">
        <h2 id="p-embed">Embed code</h2>
        <p>On a page of an allowed origin, with a campaign&apos;s slug (docs/partners.md lists the attributes and the events):</p>
        <pre className="code-block" tabIndex={0} aria-label="Embed code">
          <code>{snippet}</code>
        </pre>
      </section>
    </section>
  );
}
