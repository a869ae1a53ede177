/**
 * The first start's load: the content files go into a database that has no content yet, and never again (the
 * database is the source of truth from then on; `npm run content:import` and the admin load files on purpose).
 * A database from before content had versions counts as empty, so its content gets a first version from the files.
 */
import "server-only";
import type { TDb } from "@/lib/db/open";
import { contentVersions } from "@/lib/db/schema";
import { loadContent } from "@/lib/templates/load-content";
import { importContent, type TImportResult } from "./import-content";

export async function loadContentIfEmpty(db: TDb, dir: string): Promise<TImportResult | undefined> {
  // Read the files only when there is nothing yet; importContent checks again under its lock (two instances starting).
  const [any] = await db.select({ id: contentVersions.id }).from(contentVersions).limit(1);
  if (any) return undefined;
  return importContent(db, await loadContent(dir), "import", { onlyIntoEmpty: true });
}
