import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldError, FieldErrors, FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import { pruneEmpty } from "./prune-empty";

function valueAt(values: unknown, path: string): unknown {
  return path.split(".").reduce<unknown>((node, key) => (node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined), values);
}

/** "expected text" reads oddly next to a field left empty: there it says what the campaigner must do. */
function sayEmpty(errors: FieldErrors<FieldValues>, values: FieldValues, prefix = ""): void {
  for (const [key, node] of Object.entries(errors)) {
    if (!node || typeof node !== "object" || key === "ref") continue;
    const path = prefix ? `${prefix}.${key}` : key;
    const error = node as FieldError;
    const raw = valueAt(values, path);
    if (typeof error.message === "string" && /^expected (text|an id|a date)/.test(error.message) && (raw === undefined || (typeof raw === "string" && raw.trim() === ""))) {
      error.message = "must not be empty";
    }
    sayEmpty(node as FieldErrors<FieldValues>, values, path);
  }
}

/**
 * The content file's own schema as the form's resolver, run on the values as a file would hold them (pruneEmpty):
 * the browser checks exactly what the server will, and the values handed to submit are the schema's output.
 */
export function prunedResolver(schema: z.ZodType<unknown, FieldValues>): Resolver<FieldValues> {
  const resolve = zodResolver(schema as never) as unknown as Resolver<FieldValues>;
  return async (values, context, options) => {
    const result = await resolve(pruneEmpty(values) as FieldValues, context, options);
    sayEmpty(result.errors, values);
    return result;
  };
}
