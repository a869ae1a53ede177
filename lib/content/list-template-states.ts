/**
 * The state of every letter template of a campaign, audience × language, for the templates index: the published
 * version, a newer draft, the "review needed" flag. Read from the versions, so a language with only a draft shows.
 */
import "server-only";
import { and, asc, desc, eq, like } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { audiences, contentVersions } from "@/lib/db/schema";
import { LANGUAGES, type TLanguage } from "@/lib/i18n/languages";
import type { TLocalized } from "@/lib/db/schema";
import { parseTemplateKey } from "./docs";

export type TTemplateState = {
  language: TLanguage;
  published?: { version: number; review: boolean; at: Date; author: string };
  draft?: { version: number; at: Date; author: string };
};
export type TAudienceTemplates = { id: string; title: TLocalized; defaultLanguage: string; demandLanguages: string[]; templates: TTemplateState[] };

export async function listTemplateStates(db: TDb, slug: string): Promise<TAudienceTemplates[]> {
  const [audienceRows, versions] = await Promise.all([
    db.select().from(audiences).where(eq(audiences.campaignSlug, slug)).orderBy(asc(audiences.position)),
    db
      .select({ key: contentVersions.key, version: contentVersions.version, state: contentVersions.state, doc: contentVersions.doc, author: contentVersions.author, at: contentVersions.createdAt })
      .from(contentVersions)
      // Slugs are [a-z0-9-]: no LIKE wildcard can be in one.
      .where(and(eq(contentVersions.entity, "template"), like(contentVersions.key, `${slug}/%`)))
      .orderBy(desc(contentVersions.version)),
  ]);
  return audienceRows.map((a) => ({
    id: a.id,
    title: a.title,
    defaultLanguage: a.defaultLanguage,
    demandLanguages: Object.keys(a.demands),
    templates: LANGUAGES.map((language) => {
      const mine = versions.filter((v) => {
        const k = parseTemplateKey(v.key);
        return k.slug === slug && k.audienceId === a.id && k.language === language;
      });
      const published = mine.find((v) => v.state === "published");
      // Newest first: a draft counts only when it is newer than the newest publication.
      const draft = mine[0]?.state === "draft" ? mine[0] : undefined;
      return {
        language,
        published: published ? { version: published.version, review: (published.doc as { review?: string }).review === "needed", at: published.at, author: published.author } : undefined,
        draft: draft ? { version: draft.version, at: draft.at, author: draft.author } : undefined,
      };
    }),
  }));
}
