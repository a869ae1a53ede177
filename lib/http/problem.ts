import "server-only";
import { NextResponse } from "next/server";
import type { z } from "zod";
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
    console.error(error);
    return problem(new AppError("INTERNAL", "Something went wrong on our side. Please try again in a moment."));
  }
}
