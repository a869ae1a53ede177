/** The current docs of content: the newest published version of a key, and a letter template's newer draft. */
import "server-only";
import { and, desc, eq } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { contentVersions } from "@/lib/db/schema";
import type { TEntity } from "./docs";

export type TVersionRow = typeof contentVersions.$inferSelect;

export async function readPublished(db: TDb, entity: TEntity, key: string): Promise<TVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(contentVersions)
    .where(and(eq(contentVersions.entity, entity), eq(contentVersions.key, key), eq(contentVersions.state, "published")))
    .orderBy(desc(contentVersions.version))
    .limit(1);
  return row;
}

/** The newest version of a key when it is a draft saved after the last publication, else undefined. */
export async function readDraft(db: TDb, entity: TEntity, key: string): Promise<TVersionRow | undefined> {
  const [row] = await db
    .select()
    .from(contentVersions)
    .where(and(eq(contentVersions.entity, entity), eq(contentVersions.key, key)))
    .orderBy(desc(contentVersions.version))
    .limit(1);
  return row?.state === "draft" ? row : undefined;
}
