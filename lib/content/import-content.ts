/**
 * Loads content read from files (lib/templates/load-content.ts, already validated) over the database, as new
 * versions of whatever differs, in one transaction: the first start's load, `npm run content:import` and the admin's
 * upload. Content that is in the database but not in the files stays (import adds and updates, never deletes).
 */
import "server-only";
import { sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { contentVersions } from "@/lib/db/schema";
import type { TContent } from "@/lib/templates/load-content";
import { applyDoc } from "./apply-doc";
import { templateKey } from "./docs";

export type TImportResult = { campaigns: number; recipients: number; templates: number; partners: number; unchanged: number };

/** Taken by every import: two app instances starting at once on an empty Postgres load the files once between them. */
const IMPORT_LOCK = 7_301_001;

export async function importContent(db: TDb, content: TContent, author: string, options: { onlyIntoEmpty?: boolean } = {}): Promise<TImportResult | undefined> {
  const result: TImportResult = { campaigns: 0, recipients: 0, templates: 0, partners: 0, unchanged: 0 };
  const note = "imported from files";
  const done = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK})`);
    if (options.onlyIntoEmpty) {
      const [any] = await tx.select({ id: contentVersions.id }).from(contentVersions).limit(1);
      if (any) return false;
    }
    // Recipients first: audiences refer to them.
    for (const { file, ...doc } of content.recipients) {
      const applied = await applyDoc(tx, "recipient", doc.id, doc, { author, note, loadedFrom: file });
      if (applied.changed) result.recipients++;
      else result.unchanged++;
    }
    for (const bundle of content.campaigns) {
      const applied = await applyDoc(tx, "campaign", bundle.campaign.slug, { campaign: bundle.campaign, content: bundle.content }, { author, note, loadedFrom: bundle.file });
      if (applied.changed) result.campaigns++;
      else result.unchanged++;
      for (const letter of bundle.letters) {
        const doc = { subjects: letter.subjects, body: letter.body, ...(letter.review ? { review: letter.review } : {}) };
        const key = templateKey(bundle.campaign.slug, letter.audienceId, letter.language);
        const written = await applyDoc(tx, "template", key, doc, { author, note, loadedFrom: letter.file });
        if (written.changed) result.templates++;
        else result.unchanged++;
      }
    }
    for (const { file, active, ...partner } of content.partners ?? []) {
      // As savePartner keeps it: `active` only when the partner is switched off.
      const doc = active === false ? { ...partner, active } : partner;
      const applied = await applyDoc(tx, "partner", partner.code, doc, { author, note, loadedFrom: file });
      if (applied.changed) result.partners++;
      else result.unchanged++;
    }
    return true;
  });
  return done ? result : undefined;
}
