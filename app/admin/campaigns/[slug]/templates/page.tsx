import { notFound } from "next/navigation";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import { listTemplateStates } from "@/lib/content/list-template-states";
import { db } from "@/lib/db/client";
import { LANGUAGE_NAMES } from "@/lib/i18n/languages";
import { ZSlug } from "@/lib/schemas/ids";
import { campaigns } from "@/lib/db/schema";
import { eq } from "drizzle-orm";
import "./templates.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Letter templates" };

/** Every letter of a campaign, audience × language, with its state; a language without a letter can be started. */
export default async function TemplatesIndexPage({ params }: { params: Promise<{ slug: string }> }) {
  const campaigner = await requireCampaigner();
  const parsed = ZSlug.safeParse((await params).slug);
  if (!parsed.success) notFound();
  const slug = parsed.data;
  const database = await db();
  const [campaign] = await database.select({ content: campaigns.content, status: campaigns.status }).from(campaigns).where(eq(campaigns.slug, slug));
  if (!campaign) notFound();
  const audiences = await listTemplateStates(database, slug);
  const canEdit = hasRole(campaigner.role, "editor");
  const date = (d: Date) => d.toISOString().slice(0, 10);
  return (
    <section>
      <p>
        <a href={`/admin/campaigns/${slug}`}>Back to the campaign</a>
      </p>
      <h1>Letter templates: {campaign.content.en.title}</h1>
      {audiences.map((audience) => (
        <section key={audience.id} aria-labelledby={`audience-${audience.id}`}>
          <h2 id={`audience-${audience.id}`}>{audience.title.en}</h2>
          <table className="admin-table templates-index">
            <caption className="visually-hidden">Letters to {audience.title.en} by language</caption>
            <thead>
              <tr>
                <th scope="col">Language</th>
                <th scope="col">Published</th>
                <th scope="col">Draft</th>
                <th scope="col">Review</th>
                <th scope="col">
                  <span className="visually-hidden">Action</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {audience.templates.map((t) => {
                const href = `/admin/campaigns/${slug}/templates/${audience.id}/${t.language}`;
                const exists = t.published || t.draft;
                const noDemands = !audience.demandLanguages.includes(t.language);
                return (
                  <tr key={t.language} data-language={t.language}>
                    <th scope="row">
                      {LANGUAGE_NAMES[t.language]}
                      {t.language === audience.defaultLanguage ? <span className="admin-badge">default</span> : null}
                    </th>
                    <td>{t.published ? `version ${t.published.version}, ${date(t.published.at)}` : <span className="admin-empty">none</span>}</td>
                    <td>{t.draft ? <span className="admin-badge admin-badge--warn">draft newer: version {t.draft.version}</span> : <span className="admin-empty">none</span>}</td>
                    <td>{t.published?.review ? <span className="admin-badge admin-badge--warn">review needed</span> : ""}</td>
                    <td>
                      {exists ? (
                        <a href={href} aria-label={`${canEdit ? "Edit" : "Open"} the ${LANGUAGE_NAMES[t.language]} letter to ${audience.title.en}`}>
                          {canEdit ? "Edit" : "Open"}
                        </a>
                      ) : canEdit ? (
                        <>
                          <a href={href} aria-label={`Start the ${LANGUAGE_NAMES[t.language]} letter to ${audience.title.en}`}>
                            Start in {LANGUAGE_NAMES[t.language]}
                          </a>
                          {noDemands ? <p className="field__hint">The audience has no demands in this language yet: add them to the campaign before publishing.</p> : null}
                        </>
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </section>
      ))}
    </section>
  );
}
