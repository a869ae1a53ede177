/** A zod failure on a doc as the admin's 422: one field error per issue, with the field's path and zod's code. */
import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";

export function invalidDoc(error: z.ZodError, prefix: string[] = []): AppError {
  return new AppError(
    "INVALID_INPUT",
    "This could not be saved: please check the fields listed.",
    error.issues.map((issue) => ({ path: [...prefix, ...issue.path.map(String)].join("."), code: issue.code, message: issue.message })),
  );
}
