/**
 * A fixed SQL statement run on the driver under Drizzle, for the few hot paths where building the query costs more
 * than running it (a submission). On Postgres the statement is prepared once per connection under its name, so the
 * server parses and plans it once too. Everything else goes through Drizzle.
 */
import "server-only";
import type { TDb } from "./open";

/** A statement with its name (unique per text) and positional parameters ($1, $2, …). */
export type TStatement = { name: string; text: string };

type TPgClient = { query(config: { name: string; text: string; values: unknown[] }): Promise<{ rows: unknown[] }> };
type TPgliteClient = { waitReady: Promise<void>; query(text: string, values: unknown[]): Promise<{ rows: unknown[] }> };

export async function rawQuery<TRow>(db: TDb, statement: TStatement, values: unknown[]): Promise<TRow[]> {
  const client = (db as unknown as { $client: TPgClient | TPgliteClient }).$client;
  const result =
    "waitReady" in client
      ? await client.query(statement.text, values)
      : await client.query({ name: statement.name, text: statement.text, values });
  return result.rows as TRow[];
}
