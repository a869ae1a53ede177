/** Adds the next version of a piece of content (inside the caller's transaction) and returns its id and number. */
import "server-only";
import { sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { contentVersions } from "@/lib/db/schema";
import type { TEntity } from "./docs";

export type TNewVersion = {
  entity: TEntity;
  key: string;
  state: "draft" | "published";
  doc: object;
  author: string;
  note?: string;
};

export async function recordVersion(tx: TDb, v: TNewVersion): Promise<{ id: string; version: number }> {
  // The number is taken in the insert itself; two saves racing for one number meet the unique index, and one fails.
  const next = sql<number>`(select coalesce(max(${contentVersions.version}), 0) + 1 from ${contentVersions} where ${contentVersions.entity} = ${v.entity} and ${contentVersions.key} = ${v.key})`;
  const [row] = await tx
    .insert(contentVersions)
    .values({ entity: v.entity, key: v.key, version: next, state: v.state, doc: v.doc as Record<string, unknown>, author: v.author, note: v.note ?? null })
    .returning({ id: contentVersions.id, version: contentVersions.version });
  return row!;
}
