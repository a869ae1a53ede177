/** How many letters were written from each template version: what a campaigner sees before changing a letter. */
import "server-only";
import { count, inArray } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { letters } from "@/lib/db/schema";

export async function countTemplateLetters(db: TDb, versionIds: string[]): Promise<Map<string, number>> {
  if (!versionIds.length) return new Map();
  const rows = await db
    .select({ versionId: letters.templateVersionId, n: count() })
    .from(letters)
    .where(inArray(letters.templateVersionId, versionIds))
    .groupBy(letters.templateVersionId);
  return new Map(rows.map((r) => [r.versionId!, Number(r.n)]));
}
