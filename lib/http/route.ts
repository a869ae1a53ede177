import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { withProblems } from "./problem";

/**
 * Every route handler is built here, so none can skip a step: its route params are parsed by a schema (a malformed
 * id is "no such thing", 404, never a query with a bad value), then the handler runs, and any error becomes
 * problem+json. The admin (a later issue) adds its access check as one more step of this builder.
 */
export type TRouteContext = { params: Promise<unknown> };

export function route<P extends z.ZodType = z.ZodObject<Record<string, never>>>(
  spec: { params?: P },
  handler: (request: Request, params: z.output<P>) => Promise<Response>,
): (request: Request, context: TRouteContext) => Promise<Response> {
  return (request, context) => withProblems(async () => handler(request, await parseParams(spec.params, context)));
}

/** The route's params by their schema; a malformed one is "no such thing" (404). */
export async function parseParams<P extends z.ZodType>(schema: P | undefined, context: TRouteContext | undefined): Promise<z.output<P>> {
  const parsed = ((schema ?? z.object({})) as z.ZodType<z.output<P>>).safeParse((await context?.params) ?? {});
  if (!parsed.success) {
    throw new AppError(
      "NOT_FOUND",
      "There is nothing at this address.",
      parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join(".") || "(url)", code: "notFound", message: "no such item" })),
    );
  }
  return parsed.data;
}

type TMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * The answer for the methods a route does not take: 405 problem+json with `Allow`, where Next.js would answer an
 * empty 405 without it. Export it under each method the route lacks.
 */
export function methodNotAllowed(...allowed: TMethod[]) {
  const allow = [...allowed, ...(allowed.includes("GET") ? ["HEAD"] : []), "OPTIONS"];
  return () =>
    withProblems(async () => {
      throw new AppError("METHOD_NOT_ALLOWED", `This address answers ${allowed.join(" and ")} only.`, [], { allow });
    });
}

export { ZSlug, ZUuid } from "@/lib/schemas/ids";
