import "server-only";
import { eq } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { letterTemplates } from "@/lib/db/schema";

export async function loadTemplates(db: TDb, slug: string) {
  return db
    .select({
      audienceId: letterTemplates.audienceId,
      language: letterTemplates.language,
      subjects: letterTemplates.subjects,
      body: letterTemplates.body,
      versionId: letterTemplates.versionId,
    })
    .from(letterTemplates)
    .where(eq(letterTemplates.campaignSlug, slug));
}
