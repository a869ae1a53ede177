/**
 * Opens Postgres (when a URL is given) or the embedded PGlite, and applies the committed migrations. Used by the app
 * (through client.ts) and by tests, which open their own databases.
 */
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
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

export async function openDatabase(options: { databaseUrl?: string; dataDir?: string; migrate?: boolean }): Promise<TDatabase> {
  const migrate = options.migrate !== false;
  return options.databaseUrl ? openPostgres(options.databaseUrl, migrate) : openPglite(options.dataDir, migrate);
}

async function openPostgres(url: string, migrate: boolean): Promise<TDatabase> {
  const { Pool } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const pool = new Pool({ connectionString: url, max: 10, connectionTimeoutMillis: 5000 });
  // An idle client's error (server restart) must not crash the process; the next query reconnects.
  pool.on("error", () => {});
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

async function openPglite(dataDir: string | undefined, migrate: boolean): Promise<TDatabase> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const client = dataDir ? new PGlite(dataDir) : new PGlite();
  await client.waitReady;
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
    close: () => client.close(),
  };
}
