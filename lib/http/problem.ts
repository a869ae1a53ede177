import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
import { isConnectionError } from "@/lib/db/is-connection-error";
import { AppError, type TFieldError } from "@/lib/errors/app-error";

/** application/problem+json (RFC 9457) with one entry per bad field. */
export function problem(error: AppError): NextResponse {
  return NextResponse.json(
    {
      type: `about:blank#${error.code.toLowerCase().replaceAll("_", "-")}`,
      title: error.message,
      status: error.status,
      errors: error.errors,
    },
    {
      status: error.status,
      headers: {
        "content-type": "application/problem+json",
        "cache-control": "no-store",
        ...(error.retryAfter ? { "retry-after": String(error.retryAfter) } : {}),
        ...(error.allow ? { allow: error.allow.join(", ") } : {}),
      },
    },
  );
}

export function zodFieldErrors(error: z.ZodError): TFieldError[] {
  return error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(body)", message: issue.message }));
}

/** Runs a handler and turns an AppError into problem+json; anything else is logged and answered with a plain 500. */
export async function withProblems(handler: () => Promise<Response>): Promise<Response> {
  try {
    return await handler();
  } catch (error) {
    if (error instanceof AppError) return problem(error);
    if (isConnectionError(error)) return databaseUnavailable(error);
    console.error(error);
    return problem(new AppError("INTERNAL", "Something went wrong on our side. Please try again in a moment."));
  }
}

/** Seconds a client is asked to wait when the database is unreachable: a restart or failover takes about that long. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/**
 * The database went away mid-request (restart, failover, full disk): not the client's fault and not a bug, so 503
 * with Retry-After rather than 500. Logged as one line, since a restart produces many of them at once.
 */
function databaseUnavailable(error: unknown): Response {
  // Drizzle wraps the driver's error in one whose message is the whole query: the driver's own says what happened.
  let inner = error;
  while (inner instanceof Error && inner.cause) inner = inner.cause;
  console.warn(`[db] request answered 503: ${inner instanceof Error ? inner.message : String(inner)}`);
  return problem(
    new AppError("UNAVAILABLE", "The letters database is not reachable just now. Please try again in a few seconds.", [], {
      retryAfter: DATABASE_RETRY_AFTER_SECONDS,
    }),
  );
}
