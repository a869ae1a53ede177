/**
 * Whether an error means "the database could not be reached or went away" rather than "this query is wrong": the
 * first is the caller's cue to answer 503 with Retry-After (or, for a read, to try once more on a fresh connection),
 * the second is a bug or bad input. Drizzle wraps driver errors (DrizzleQueryError), so the cause chain is walked.
 */
import "server-only";

/** SQLSTATE classes and codes that say the server is going away or not taking connections. */
const CONNECTION_SQLSTATE = /^(08...|57P01|57P02|57P03|53300|53000)$/;

/** Node socket errors on the way to the server. */
const SOCKET_CODES = new Set(["ECONNRESET", "ECONNREFUSED", "EPIPE", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);

/** What node-postgres and PGlite say when the connection or the database itself is gone. */
const MESSAGES = [
  "connection terminated",
  "client has encountered a connection error",
  "timeout exceeded when trying to connect",
  "cannot use a pool after calling end",
  "client was closed and is not queryable",
  "pglite is closed",
  "no space left on device",
  "could not write to file",
  "could not extend file",
];

export function isConnectionError(error: unknown): boolean {
  const seen = new Set<unknown>();
  for (let e = error; e && typeof e === "object" && !seen.has(e); e = (e as { cause?: unknown }).cause) {
    seen.add(e);
    const { code, message } = e as { code?: unknown; message?: unknown };
    if (typeof code === "string" && (CONNECTION_SQLSTATE.test(code) || SOCKET_CODES.has(code))) return true;
    if (typeof message === "string") {
      const lower = message.toLowerCase();
      if (MESSAGES.some((m) => lower.includes(m))) return true;
    }
    // AggregateError (a connect that tried IPv4 and IPv6) carries its reasons in `errors`.
    const inner = (e as { errors?: unknown }).errors;
    if (Array.isArray(inner) && inner.some((x) => isConnectionError(x))) return true;
  }
  return false;
}
