/**
 * Databases for integration tests: an in-memory PGlite always, and a fresh Postgres database when DATABASE_URL is
 * set (CI sets it). Each Postgres database is created for the test file and dropped afterwards, so files can run in
 * parallel without seeing each other's rows.
 */
import { randomBytes } from "node:crypto";
import { Client } from "pg";
import { openDatabase, type TDatabase } from "@/lib/db/open";

export type TTestDatabase = { name: "pglite" | "postgres"; open(): Promise<TDatabase & { url?: string }> };

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export function testDatabases(): TTestDatabase[] {
  const list: TTestDatabase[] = [{ name: "pglite", open: () => openDatabase({}) }];
  const base = process.env.DATABASE_URL?.trim();
  if (base) {
    list.push({
      name: "postgres",
      async open() {
        const name = `ul_test_${randomBytes(6).toString("hex")}`;
        const admin = new Client({ connectionString: base });
        await admin.connect();
        await admin.query(`create database ${name}`);
        await admin.end();
        const url = withDatabase(base, name);
        const database = await openDatabase({ databaseUrl: url });
        return {
          ...database,
          url,
          async close() {
            await database.close();
            const dropper = new Client({ connectionString: base });
            await dropper.connect();
            await dropper.query(`drop database if exists ${name} with (force)`);
            await dropper.end();
          },
        };
      },
    });
  }
  return list;
}
