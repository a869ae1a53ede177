/**
 * The content revision: one number, bumped in the transaction of every content write (bumpRevision), read once per
 * request by whoever caches content (cachedByRevision). Every app process sees an edit on its next request, with no
 * timer and no message bus: a one-row primary-key read costs well under a millisecond.
 */
import "server-only";
import { eq, sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { contentRevision } from "@/lib/db/schema";

export async function readRevision(db: TDb): Promise<number> {
  const [row] = await db.select({ revision: contentRevision.revision }).from(contentRevision).where(eq(contentRevision.id, 1));
  return row?.revision ?? 0;
}

export async function bumpRevision(tx: TDb): Promise<void> {
  await tx
    .insert(contentRevision)
    .values({ id: 1, revision: 1 })
    .onConflictDoUpdate({ target: contentRevision.id, set: { revision: sql`${contentRevision.revision} + 1` } });
}

type TEntry = { revision: number; value: Promise<unknown> };
const MAX_ENTRIES = 200;
const caches = new WeakMap<TDb, Map<string, TEntry>>();

/**
 * `load()`'s answer for `key`, kept while the content revision stays the same. Only answers that exist are kept
 * (a request can name any slug), and at most MAX_ENTRIES per database.
 */
export async function cachedByRevision<T>(db: TDb, key: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
  const revision = await readRevision(db);
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new Map()));
  const hit = cache.get(key);
  if (hit && hit.revision === revision) return hit.value as Promise<T | undefined>;
  const value = load();
  if (cache.size >= MAX_ENTRIES) cache.clear();
  const entry = { revision, value };
  cache.set(key, entry);
  value.then(
    (found) => {
      if (found === undefined && cache.get(key) === entry) cache.delete(key);
    },
    () => {
      if (cache.get(key) === entry) cache.delete(key);
    },
  );
  return value;
}
