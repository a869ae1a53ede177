import { zodResolver } from "@hookform/resolvers/zod";
import type { FieldValues, Resolver } from "react-hook-form";
import type { z } from "zod";
import { pruneEmpty } from "./prune-empty";

/**
 * The content file's own schema as the form's resolver, run on the values as a file would hold them (pruneEmpty):
 * the browser checks exactly what the server will, and the values handed to submit are the schema's output.
 */
export function prunedResolver(schema: z.ZodType<unknown, FieldValues>): Resolver<FieldValues> {
  const resolve = zodResolver(schema as never) as unknown as Resolver<FieldValues>;
  return (values, context, options) => resolve(pruneEmpty(values) as FieldValues, context, options);
}
