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
  g[KEY] ??= openDatabase({ databaseUrl: env().DATABASE_URL, dataDir: env().DATA_DIR, onFatal: stopAfterFatal }).catch((error: unknown) => {
    delete g[KEY];
    throw error;
  });
  return g[KEY];
}

export async function db() {
  return (await getDatabase()).db;
}

/** How long the requests already answered 503 get to leave before the process ends. */
const FATAL_EXIT_DELAY_MS = 500;

/**
 * The embedded Postgres hit a PANIC (in practice: the disk is full). Every query now answers 503 without touching
 * it; the process says why and ends, so a supervisor (or the person who ran `npm start`) sees it stopped instead of
 * a server that accepts requests and can never store them. Nothing committed is lost: Postgres replays its log at
 * the next start.
 */
function stopAfterFatal(error: Error): void {
  console.error(
    `Urgent Letters: the embedded database stopped (${error.message}). What was saved before is safe. ` +
      `Free some disk space in ${env().DATA_DIR} and start again.`,
  );
  setTimeout(() => process.exit(1), FATAL_EXIT_DELAY_MS).unref();
}
