/** Writes a letter template's published version into the serving table (inside the caller's transaction). */
import "server-only";
import type { TDb } from "@/lib/db/open";
import { letterTemplates } from "@/lib/db/schema";
import { parseTemplateKey, type TTemplateDoc } from "./docs";

export async function writeTemplate(tx: TDb, key: string, doc: TTemplateDoc, versionId: string, loadedFrom: string | null): Promise<void> {
  const { slug, audienceId, language } = parseTemplateKey(key);
  const row = {
    campaignSlug: slug,
    audienceId,
    language,
    subjects: doc.subjects,
    body: doc.body,
    review: doc.review ?? null,
    versionId,
    loadedFrom,
  };
  await tx
    .insert(letterTemplates)
    .values(row)
    .onConflictDoUpdate({
      target: [letterTemplates.campaignSlug, letterTemplates.audienceId, letterTemplates.language],
      set: { ...row, updatedAt: new Date() },
    });
}
