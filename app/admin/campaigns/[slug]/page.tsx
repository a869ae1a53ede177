import { eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { CampaignForm } from "@/components/admin/campaign-form/campaign-form";
import { SendingHeldSwitch } from "@/components/admin/campaign-form/sending-held-switch";
import { CaseUpdateForm } from "@/components/admin/lifecycle/case-update-form";
import { ReopenButtons } from "@/components/admin/lifecycle/reopen-buttons";
import { TestModeSwitch } from "@/components/admin/lifecycle/test-mode-switch";
import { countSubscribers } from "@/lib/news/list-subscribers";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import { allowedMoves } from "@/lib/campaigns/status-lifecycle";
import type { TCampaignDoc } from "@/lib/content/docs";
import { readPublished } from "@/lib/content/read-doc";
import { db } from "@/lib/db/client";
import { campaigns, letterTemplates } from "@/lib/db/schema";
import { LANGUAGE_NAMES, LANGUAGES, type TLanguage } from "@/lib/i18n/languages";
import { SLUG } from "@/lib/schemas/ids";
import { directoryOptions } from "@/lib/recipients/directory-options";
import "../../content-forms.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Edit campaign" };

/** The campaign editor, with the switch that holds its sending and links to its templates, public page and history. */
export default async function EditCampaignPage({ params }: { params: Promise<{ slug: string }> }) {
  const campaigner = await requireCampaigner();
  const { slug } = await params;
  if (!SLUG.test(slug)) notFound();
  const database = await db();
  const [version, [row], templates, directory, subscribers] = await Promise.all([
    readPublished(database, "campaign", slug),
    database.select({ status: campaigns.status, sendingHeld: campaigns.sendingHeld, testMode: campaigns.testMode }).from(campaigns).where(eq(campaigns.slug, slug)),
    database.select({ audienceId: letterTemplates.audienceId, language: letterTemplates.language }).from(letterTemplates).where(eq(letterTemplates.campaignSlug, slug)),
    directoryOptions(database),
    countSubscribers(database, slug),
  ]);
  if (!version || !row) notFound();
  const doc = version.doc as TCampaignDoc;
  const canWrite = hasRole(campaigner.role, "editor");
  return (
    <section>
      <p>
        <a href="/admin/campaigns">← Campaigns</a>
      </p>
      <h1>
        {doc.content.en.title} <span className={`admin-badge admin-badge--${row.status}`}>{row.status}</span>
      </h1>
      <div className="campaign-links admin-row">
        {row.status === "draft" ? null : <a href={`/c/${slug}`}>Public page</a>}
        <a href={`/admin/campaigns/${slug}/templates`}>Letter templates</a>
        <a href={`/admin/history?entity=campaign&key=${encodeURIComponent(slug)}`}>History (version {version.version})</a>
      </div>
      <nav aria-label="Letter templates by audience" className="template-links">
        <ul>
          {doc.campaign.audiences.map((a) => (
            <li key={a.id}>
              {a.id}:{" "}
              {(["en", ...Object.keys(a.demands).filter((l) => l !== "en")] as TLanguage[]).map((l) => {
                const exists = templates.some((t) => t.audienceId === a.id && t.language === l);
                return (
                  <a key={l} href={`/admin/campaigns/${slug}/templates/${a.id}/${l}`} className="template-link">
                    {LANGUAGE_NAMES[l]}
                    {exists ? "" : " (none yet)"}
                  </a>
                );
              })}
            </li>
          ))}
        </ul>
      </nav>
      <SendingHeldSwitch slug={slug} held={row.sendingHeld} canWrite={canWrite} />
      <TestModeSwitch slug={slug} on={row.testMode} canWrite={canWrite} />
      <section aria-labelledby="lifecycle-heading" className="lifecycle-panel">
        <h2 id="lifecycle-heading">The case over time</h2>
        {row.status === "closed" ? (
          <>
            <p>This campaign is closed: its page shows the outcome and takes no letters.</p>
            {hasRole(campaigner.role, "owner") ? <ReopenButtons slug={slug} /> : <p className="field__hint">Only an owner can reopen it.</p>}
          </>
        ) : row.status === "draft" ? null : (
          <p>
            <a href={`/admin/campaigns/${slug}/close`}>Close the campaign…</a>{" "}
            <span className="field__hint">shows what happens to its waiting letters first</span>
          </p>
        )}
        <p>
          <a href={`/admin/numbers/${slug}`}>Numbers of this campaign</a>
        </p>
      </section>
      {row.status === "draft" ? null : (
        <CaseUpdateForm slug={slug} mode="update" languages={[...LANGUAGES]} subscribers={subscribers} today={new Date().toISOString().slice(0, 10)} canWrite={canWrite} />
      )}
      <CampaignForm
        key={version.id}
        initial={doc}
        mode="edit"
        savedStatus={row.status}
        statuses={[row.status, ...allowedMoves(row.status)]}
        directory={directory}
        canWrite={canWrite}
      />
    </section>
  );
}
