/** A scratch Postgres database for a process-level test (named ul_test_… so CI's cleanup drops a leftover). */
import { randomBytes } from "node:crypto";
import { Client } from "pg";

export type TScratchDatabase = { url: string; drop(): Promise<void> };

export async function createScratchDatabase(base: string, prefix = "ul_test_ops"): Promise<TScratchDatabase> {
  const name = `${prefix}_${randomBytes(5).toString("hex")}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const dropper = new Client({ connectionString: base });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}
