/**
 * What the letter template editor opens with, for one audience × language: the campaign as the composer sees it
 * (recipients for the sample), the published version and a newer draft, and, for a language with neither, the
 * text to start from (the audience's default language, marked for review as a translation must be).
 */
import "server-only";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import type { TDb } from "@/lib/db/open";
import type { TLanguage } from "@/lib/i18n/languages";
import { toComposeCampaign, type TComposeCampaign } from "@/lib/letters/compose-letters";
import { countTemplateLetters } from "./count-template-letters";
import { templateKey, type TTemplateDoc } from "./docs";
import { readDraft, readPublished, type TVersionRow } from "./read-doc";

export type TEditorVersion = { id: string; version: number; doc: TTemplateDoc; author: string; note: string | null; at: string; letters: number };

export type TTemplateEditorData = {
  key: string;
  language: TLanguage;
  campaign: TComposeCampaign & { status: string; title: string };
  audienceId: string;
  published?: TEditorVersion;
  draft?: TEditorVersion;
  /** Only when there is neither: the text a new language starts from. */
  startFrom?: { language: string; doc: TTemplateDoc };
};

export async function loadTemplateEditor(db: TDb, slug: string, audienceId: string, language: TLanguage): Promise<TTemplateEditorData | undefined> {
  const view = await getCampaign(db, slug, { includeDrafts: true });
  const audience = view?.audiences.find((a) => a.id === audienceId);
  if (!view || !audience) return undefined;
  const key = templateKey(slug, audienceId, language);
  const [published, draft] = await Promise.all([readPublished(db, "template", key), readDraft(db, "template", key)]);
  const counts = await countTemplateLetters(db, [published?.id, draft?.id].filter((x): x is string => !!x));
  const asVersion = (row: TVersionRow | undefined): TEditorVersion | undefined =>
    row && { id: row.id, version: row.version, doc: row.doc as TTemplateDoc, author: row.author, note: row.note, at: row.createdAt.toISOString(), letters: counts.get(row.id) ?? 0 };
  let startFrom: TTemplateEditorData["startFrom"];
  if (!published && !draft) {
    const from = language === audience.defaultLanguage ? "en" : audience.defaultLanguage;
    const source = from === language ? undefined : await readPublished(db, "template", templateKey(slug, audienceId, from));
    const doc = source?.doc as TTemplateDoc | undefined;
    startFrom = { language: from, doc: { subjects: doc?.subjects ?? [""], body: doc?.body ?? "{{recipient.salutation}},\n\n", review: "needed" } };
  }
  return {
    key,
    language,
    campaign: { ...toComposeCampaign(view), status: view.status, title: view.content.en.title },
    audienceId,
    published: asVersion(published),
    draft: asVersion(draft),
    startFrom,
  };
}
