import { describe, expect, it } from "vitest";
import { isConnectionError } from "./is-connection-error";

/** Errors as the drivers make them: node-postgres's DatabaseError and socket errors, Drizzle's wrapper. */
const pgError = (code: string, message: string) => Object.assign(new Error(message), { code, severity: "FATAL" });
const wrapped = (cause: unknown) => Object.assign(new Error("Failed query: select 1\nparams: "), { cause });

describe("isConnectionError", () => {
  it.each([
    ["57P01 (pg_terminate_backend, a server shutdown)", pgError("57P01", "terminating connection due to administrator command")],
    ["57P03 (the server is starting up)", pgError("57P03", "the database system is starting up")],
    ["08006 (connection failure)", pgError("08006", "connection failure")],
    ["53300 (too many connections)", pgError("53300", "sorry, too many clients already")],
    ["ECONNREFUSED", Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })],
    ["ECONNRESET", Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" })],
    ["a terminated connection", new Error("Connection terminated unexpectedly")],
    ["a full disk", pgError("53100", 'could not extend file "base/5/16396": No space left on device')],
    ["an AggregateError of refused addresses", new AggregateError([Object.assign(new Error("connect ECONNREFUSED ::1:5432"), { code: "ECONNREFUSED" })])],
  ])("recognises %s, also inside Drizzle's wrapper", (_name, error) => {
    expect(isConnectionError(error)).toBe(true);
    expect(isConnectionError(wrapped(error))).toBe(true);
  });

  it.each([
    ["a missing table", pgError("42P01", 'relation "no_such_table" does not exist')],
    ["a unique violation", pgError("23505", "duplicate key value violates unique constraint")],
    ["invalid JSON text", pgError("22P02", "invalid input syntax for type json")],
    ["a plain bug", new TypeError("Cannot read properties of undefined")],
    ["not an error", "Connection terminated? no, a string"],
  ])("leaves %s to be a 500 or a 4xx", (_name, error) => {
    expect(isConnectionError(error)).toBe(false);
    expect(isConnectionError(wrapped(error))).toBe(false);
  });
});
