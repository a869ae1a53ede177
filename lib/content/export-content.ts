/**
 * The database's content as files in the layout of templates/ (templates/README.md): what `npm run content:export`
 * writes and the admin offers as a download. Each file holds its piece's current published doc, so loading the
 * files again gives the same data (defaults are not written out: a doc holds only what was given).
 */
import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import YAML from "yaml";
import type { TDb } from "@/lib/db/open";
import { campaigns, contentVersions, letterTemplates, partners, recipients } from "@/lib/db/schema";
import { LANGUAGES } from "@/lib/i18n/languages";
import type { TCampaignDoc, TEntity, TPartnerDoc, TRecipientDoc, TTemplateDoc } from "./docs";

export type TExportedFile = { path: string; text: string };

const yaml = (value: unknown) => YAML.stringify(value, { lineWidth: 0 });
const withFrontMatter = (front: object, body: string) => `---\n${yaml(front)}---\n\n${body.trim()}\n`;

async function publishedDocs(db: TDb, entity: TEntity): Promise<Map<string, Record<string, unknown>>> {
  const rows = await db
    .selectDistinctOn([contentVersions.key], { key: contentVersions.key, doc: contentVersions.doc })
    .from(contentVersions)
    .where(and(eq(contentVersions.entity, entity), eq(contentVersions.state, "published")))
    .orderBy(contentVersions.key, desc(contentVersions.version));
  return new Map(rows.map((r) => [r.key, r.doc]));
}

export async function exportContent(db: TDb): Promise<TExportedFile[]> {
  const files: TExportedFile[] = [];
  const [recipientDocs, campaignDocs, partnerDocs, servingPartners, servingRecipients, servingCampaigns, templateRows] = await Promise.all([
    publishedDocs(db, "recipient"),
    publishedDocs(db, "campaign"),
    publishedDocs(db, "partner"),
    db.select({ code: partners.code }).from(partners).orderBy(partners.code),
    db.select({ id: recipients.id }).from(recipients).orderBy(recipients.id),
    db.select({ slug: campaigns.slug }).from(campaigns).orderBy(campaigns.slug),
    // Only templates still served: one whose audience was removed is gone from letter_templates, not from history.
    db
      .select({ slug: letterTemplates.campaignSlug, audienceId: letterTemplates.audienceId, language: letterTemplates.language, doc: contentVersions.doc })
      .from(letterTemplates)
      .innerJoin(contentVersions, eq(contentVersions.id, letterTemplates.versionId))
      .orderBy(letterTemplates.campaignSlug, letterTemplates.audienceId, sql`${letterTemplates.language}`),
  ]);
  for (const { id } of servingRecipients) {
    const doc = recipientDocs.get(id) as TRecipientDoc | undefined;
    if (doc) files.push({ path: `recipients/${id}.yaml`, text: yaml(doc) });
  }
  for (const { slug } of servingCampaigns) {
    const doc = campaignDocs.get(slug) as TCampaignDoc | undefined;
    if (!doc) continue;
    files.push({ path: `campaigns/${slug}/campaign.yaml`, text: yaml(doc.campaign) });
    for (const language of LANGUAGES) {
      const text = doc.content[language];
      if (!text) continue;
      const { background, ...front } = text;
      files.push({ path: `campaigns/${slug}/content.${language}.md`, text: withFrontMatter(front, background) });
    }
  }
  for (const t of templateRows) {
    const { body, ...front } = t.doc as TTemplateDoc;
    files.push({ path: `campaigns/${t.slug}/letters/${t.audienceId}.${t.language}.md`, text: withFrontMatter(front, body) });
  }
  // Partners carry no secrets (their API keys and webhook secrets are not content): the file is the whole doc.
  for (const { code } of servingPartners) {
    const doc = partnerDocs.get(code) as TPartnerDoc | undefined;
    if (doc) files.push({ path: `partners/${code}.yaml`, text: yaml(doc) });
  }
  return files;
}
