/**
 * Losing the database mid-request: a read is tried once more on a fresh connection and answers; a write is not
 * repeated and the request answers 503 problem+json with Retry-After; a connection that dies while checked out does
 * not crash the process. Real Postgres and the real driver, with the wire cut by a proxy (test/db/cut-proxy.ts).
 */
import { count, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { withProblems } from "@/lib/http/problem";
import { testDatabases } from "@/test/databases";
import { isConnectionError } from "./is-connection-error";
import { openDatabase, type TDatabase } from "./open";
import { capturedMail } from "./schema";
import { startCutProxy, type TCutProxy } from "@/test/db/cut-proxy";

async function expect503(response: Response) {
  expect(response.status).toBe(503);
  expect(response.headers.get("content-type")).toBe("application/problem+json");
  expect(response.headers.get("retry-after")).toBe("5");
  expect(await response.json()).toMatchObject({ status: 503, type: "about:blank#unavailable" });
}

describe("a database that cannot be reached", () => {
  it("answers 503 problem+json with Retry-After, not 500", async () => {
    // A port nobody listens on: the driver's own ECONNREFUSED, through Drizzle.
    const database = await openDatabase({ databaseUrl: "postgres://postgres@127.0.0.1:1/none", migrate: false });
    try {
      let thrown: unknown;
      const response = await withProblems(async () => {
        try {
          await database.db.select().from(capturedMail);
        } catch (error) {
          thrown = error;
          throw error;
        }
        return new Response("unreachable");
      });
      expect(isConnectionError(thrown)).toBe(true);
      await expect503(response);
    } finally {
      await database.close();
    }
  });

  it("is told apart from a query that is wrong, which stays a 500", async () => {
    const database = await openDatabase({});
    try {
      const response = await withProblems(async () => {
        await database.db.execute(sql`select * from no_such_table`);
        return new Response("unreachable");
      });
      expect(response.status).toBe(500);
    } finally {
      await database.close();
    }
  });
});

describe.each(testDatabases().filter((d) => d.name === "postgres"))("the connection to $name is cut mid-request", ({ open }) => {
  let direct: TDatabase;
  let proxy: TCutProxy;
  let database: TDatabase;
  const uncaught: unknown[] = [];
  const onUncaught = (error: unknown) => uncaught.push(error);

  beforeAll(async () => {
    direct = await open();
    proxy = await startCutProxy((direct as TDatabase & { url: string }).url);
    database = await openDatabase({ databaseUrl: proxy.url, migrate: false });
    process.on("uncaughtException", onUncaught);
  });
  afterAll(async () => {
    process.off("uncaughtException", onUncaught);
    await database?.close().catch(() => {});
    await proxy?.stop();
    await direct?.close();
  });

  it("tries a read once more on a fresh connection, and it answers", async () => {
    const running = database.db.execute(sql`select pg_sleep(0.4), 42 as answer`);
    setTimeout(() => proxy.cut(), 100);
    const result = (await running) as unknown as { rows: { answer: number }[] };
    expect(result.rows[0]!.answer).toBe(42);
  });

  it("tries a read once more when the server ends its backend (pg_terminate_backend: 57P01)", async () => {
    // Drizzle runs a query when it is awaited: start it now.
    const running = database.db.execute(sql`select pg_sleep(1), 43 as answer`).then((r) => r);
    // Once the query runs on the server (a fresh connection may take a moment), its backend is ended.
    let killed: boolean[] = [];
    for (let i = 0; i < 40 && killed.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 50));
      const result = (await direct.db.execute(
        sql`select pg_terminate_backend(pid) as killed from pg_stat_activity
            where datname = current_database() and pid <> pg_backend_pid() and state = 'active' and query like '%pg_sleep(1), 43%'`,
      )) as unknown as { rows: { killed: boolean }[] };
      killed = result.rows.map((r) => r.killed);
    }
    expect(killed).toEqual([true]);
    const result = (await running) as unknown as { rows: { answer: number }[] };
    expect(result.rows[0]!.answer).toBe(43);
  });

  it("does not repeat a write, and answers 503 with Retry-After", async () => {
    const response = await withProblems(async () => {
      const running = database.db.execute(
        sql`with written as (insert into captured_mail (kind, "to", "from", subject, raw) values ('test', 'a', 'b', 'c', 'd') returning 1)
            select pg_sleep(0.4) from written`,
      );
      setTimeout(() => proxy.cut(), 100);
      await running;
      return new Response("unreachable");
    });
    await expect503(response);
    // Once at most: the cut may or may not have aborted it, but it was never sent a second time.
    const [row] = await direct.db.select({ n: count() }).from(capturedMail);
    expect(row!.n).toBeLessThanOrEqual(1);
  });

  it("survives a connection dying while a client is checked out between queries", async () => {
    const pool = (database.db as unknown as { $client: import("pg").Pool }).$client;
    const client = await pool.connect();
    await client.query("select 1");
    proxy.cut();
    // The driver notices the closed socket on its own and emits 'error' on the idle, checked-out client.
    await new Promise((r) => setTimeout(r, 300));
    client.release(true);
    expect(uncaught).toEqual([]);
    // And the pool goes on with fresh connections.
    const result = (await database.db.execute(sql`select 7 as n`)) as unknown as { rows: { n: number }[] };
    expect(result.rows[0]!.n).toBe(7);
  });

  it("answers 503 while the server refuses connections, and recovers when it is back", async () => {
    proxy.cut();
    proxy.refuse = true;
    try {
      await expect503(await withProblems(async () => Response.json(await database.db.select().from(capturedMail))));
    } finally {
      proxy.refuse = false;
    }
    const response = await withProblems(async () => Response.json(await database.db.select({ n: count() }).from(capturedMail)));
    expect(response.status).toBe(200);
  });
});
