/**
 * What this process last learned of its database: a connection error seen by a page (or a handler) marks an outage
 * for a few seconds, during which proxy.ts answers pages 503 at once instead of rendering them to fail again. Kept
 * on globalThis because proxy.ts and the pages are separate bundles in one process. No `server-only`: proxy.ts
 * imports it.
 */
const OUTAGE_KEY = Symbol.for("urgent-letters.database-outage-until");

/** How long one connection error keeps pages answered 503 (then the next page tries the database again). */
export const OUTAGE_MS = 10_000;

type TOutageGlobal = typeof globalThis & { [OUTAGE_KEY]?: number };

export function noteDatabaseOutage(now = Date.now()): void {
  (globalThis as TOutageGlobal)[OUTAGE_KEY] = now + OUTAGE_MS;
}

/** Whether a connection error was seen in the last OUTAGE_MS. */
export function inDatabaseOutage(now = Date.now()): boolean {
  return ((globalThis as TOutageGlobal)[OUTAGE_KEY] ?? 0) > now;
}
