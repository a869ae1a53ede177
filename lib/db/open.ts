/**
 * Opens Postgres (when a URL is given) or the embedded PGlite, and applies the committed migrations. Used by the app
 * (through client.ts) and by tests, which open their own databases.
 */
import "server-only";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { isConnectionError } from "./is-connection-error";
import * as schema from "./schema";

export type TDb = PgDatabase<PgQueryResultHKT, typeof schema>;

export type TDatabase = {
  db: TDb;
  kind: "postgres" | "pglite";
  /** Answers true when a trivial query succeeds. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
};

export const MIGRATIONS_DIR = path.join(process.cwd(), "lib/db/migrations");

export type TOpenOptions = {
  databaseUrl?: string;
  dataDir?: string;
  migrate?: boolean;
  /**
   * PGlite only: called once when the embedded Postgres reports a PANIC or FATAL error (a full disk while writing
   * its WAL). From then on every query is refused without reaching PGlite, whose next query would otherwise spin the
   * main thread forever; the caller decides how to stop (the app exits, see lib/db/client.ts).
   */
  onFatal?: (error: Error) => void;
};

export async function openDatabase(options: TOpenOptions): Promise<TDatabase> {
  const migrate = options.migrate !== false;
  return options.databaseUrl ? openPostgres(options.databaseUrl, migrate) : openPglite(options.dataDir, migrate, options.onFatal);
}

/** A statement that only reads, so running it again on a fresh connection cannot do anything twice. */
function isRead(config: unknown): boolean {
  const text = typeof config === "string" ? config : (config as { text?: unknown } | null)?.text;
  return typeof text === "string" && /^\s*select\b/i.test(text) && !/\bfor\s+(no\s+key\s+)?update\b/i.test(text);
}

const warnOnce = (() => {
  let last = 0;
  return (message: string) => {
    // One line per second at most: a restart of the server drops every pooled connection at once.
    if (Date.now() - last < 1000) return;
    last = Date.now();
    console.warn(`[db] ${message}`);
  };
})();

async function openPostgres(url: string, migrate: boolean): Promise<TDatabase> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // A connection that dies (server restart, failover, pg_terminate_backend) emits 'error': on the pool while idle,
  // on the client itself while checked out between queries. Without a listener either one is an uncaughtException
  // that kills the process; the query that was running gets its own error and the next one reconnects.
  const lost = (error: Error) => warnOnce(`connection lost: ${error.message}`);
  pool.on("error", lost);
  pool.on("connect", (client) => client.on("error", lost));
  // A read that failed because its connection died is tried once more on a fresh one; writes are never retried here
  // (the first may have committed), their callers answer 503 instead (lib/http/problem.ts).
  const query = pool.query.bind(pool) as (config: unknown, values?: unknown) => Promise<unknown>;
  (pool as unknown as { query: typeof query }).query = async (config: unknown, values?: unknown) => {
    try {
      return await query(config, values);
    } catch (error) {
      if (!isRead(config) || !isConnectionError(error)) throw error;
      return query(config, values);
    }
  };
  if (migrate) {
    const { migrate: runMigrations } = await import("drizzle-orm/node-postgres/migrator");
    // Instances starting together must not migrate at once: the first takes the lock, the others wait for it.
    // The lock belongs to a session, so the whole migration runs on one connection.
    const connection = await pool.connect();
    try {
      await connection.query("select pg_advisory_lock(727274)");
      await runMigrations(drizzle(connection, { schema }), { migrationsFolder: MIGRATIONS_DIR });
    } finally {
      await connection.query("select pg_advisory_unlock(727274)").catch(() => {});
      connection.release();
    }
  }
  const db = drizzle(pool, { schema });
  return {
    db: db as unknown as TDb,
    kind: "postgres",
    async ping() {
      try {
        await pool.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
    close: () => pool.end(),
  };
}

async function openPglite(dataDir: string | undefined, migrate: boolean, onFatal?: (error: Error) => void): Promise<TDatabase> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
  const fatal = guardFatal(client, onFatal);
  const db = drizzle(client, { schema });
  if (migrate) {
    const { migrate: runMigrations } = await import("drizzle-orm/pglite/migrator");
    await runMigrations(db, { migrationsFolder: MIGRATIONS_DIR });
  }
  return {
    db: db as unknown as TDb,
    kind: "pglite",
    async ping() {
      try {
        await client.query("select 1");
        return true;
      } catch {
        return false;
      }
    },
    // After a PANIC, PGlite's shutdown would spin like any other query; what was committed is already on disk and
    // Postgres's own recovery replays it at the next start.
    close: () => (fatal.happened ? Promise.resolve() : client.close()),
  };
}

/**
 * Every query PGlite runs, inside transactions too, goes through its `execProtocolStream`: wrapping that one method
 * on the instance is the one place to see a PANIC and to refuse everything after it (see TOpenOptions.onFatal).
 */
function guardFatal(client: object, onFatal?: (error: Error) => void): { happened: boolean } {
  const state = { happened: false };
  const target = client as { execProtocolStream: (...args: unknown[]) => Promise<unknown> };
  const run = target.execProtocolStream.bind(client);
  target.execProtocolStream = async (...args: unknown[]) => {
    if (state.happened) throw new Error("PGlite is closed after a fatal error: the embedded database stopped");
    try {
      return await run(...args);
    } catch (error) {
      const severity = (error as { severity?: unknown }).severity;
      if (severity === "PANIC" || severity === "FATAL") {
        state.happened = true;
        onFatal?.(error as Error);
      }
      throw error;
    }
  };
  return state;
}
