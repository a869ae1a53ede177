/** A piece of content's versions, newest first, each with the text of its doc for diffs (lib/content/doc-text.ts). */
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { contentVersions } from "@/lib/db/schema";
import type { TEntity } from "./docs";
import type { TVersionRow } from "./read-doc";

export async function listVersions(db: TDb, entity: TEntity, key: string, limit = 50): Promise<TVersionRow[]> {
  return db
    .select()
    .from(contentVersions)
    .where(and(eq(contentVersions.entity, entity), eq(contentVersions.key, key)))
    .orderBy(desc(contentVersions.version))
    .limit(limit);
}
