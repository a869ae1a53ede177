import "server-only";
import { openDatabase, type TDatabase } from "./open";
import { env } from "@/lib/env";

/**
 * The process's one database. PGlite allows a single owner per data directory, and Next.js may load this module in
 * more than one bundle, so the instance lives on globalThis.
 */
const KEY = Symbol.for("urgent-letters.db");
type TGlobal = typeof globalThis & { [KEY]?: Promise<TDatabase> };

export function getDatabase(): Promise<TDatabase> {
  const g = globalThis as TGlobal;
  g[KEY] ??= openDatabase({ databaseUrl: env().DATABASE_URL, dataDir: env().DATA_DIR }).catch((error: unknown) => {
    delete g[KEY];
    throw error;
  });
  return g[KEY];
}

export async function db() {
  return (await getDatabase()).db;
}
