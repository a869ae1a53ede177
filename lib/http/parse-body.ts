import "server-only";
import type { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { readJson } from "./read-json";

/** A JSON body parsed by its schema: 422 problem+json with each field's path, code and message when it does not fit. */
export async function parseBody<S extends z.ZodType>(request: Request, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await readJson(request));
  if (!parsed.success) {
    throw new AppError(
      "INVALID_INPUT",
      "Please check the fields listed.",
      parsed.error.issues.map((i) => ({ path: i.path.map(String).join(".") || "(body)", code: i.code, message: i.message })),
    );
  }
  return parsed.data;
}
