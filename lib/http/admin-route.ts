import "server-only";
import { z } from "zod";
import { getCampaigner, type TCampaigner } from "@/lib/auth/get-campaigner";
import { hasRole } from "@/lib/auth/roles";
import type { TCampaignerRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { withProblems } from "./problem";
import { parseParams, type TRouteContext } from "./route";

/**
 * Every admin route handler is built here, so none can skip a step: the session first (401 without one), then the
 * role (403 when it is not enough; GET needs viewer, every other method editor unless the spec says more), then the
 * route params parsed by schema (404 when malformed: only a campaigner learns what exists), then the handler with
 * the campaigner, and any error as problem+json. The check runs in the handler itself, never only in a layout or in
 * proxy.ts, which a crafted request can get around.
 *
 * e2e/admin/access.spec.ts reads every route file under app/api/admin, checks that each method is built here, and
 * proves that each refuses without a session and refuses a viewer's writes.
 */

export type TAdminRouteSpec<P extends z.ZodType> = {
  params?: P;
  /** The least role that may call it; GET defaults to viewer, anything else to editor. */
  role?: TCampaignerRole;
};

export function adminRoute<P extends z.ZodType = z.ZodObject<Record<string, never>>>(
  spec: TAdminRouteSpec<P>,
  handler: (request: Request, params: z.output<P>, campaigner: TCampaigner) => Promise<Response>,
): (request: Request, context: TRouteContext) => Promise<Response> {
  return (request, context) =>
    withProblems(async () => {
      const campaigner = await getCampaigner(request.headers);
      if (!campaigner) throw new AppError("UNAUTHORIZED", "Sign in to the admin first (/admin/sign-in).");
      const needed = spec.role ?? (request.method === "GET" || request.method === "HEAD" ? "viewer" : "editor");
      if (!hasRole(campaigner.role, needed)) {
        throw new AppError("FORBIDDEN", `This needs the ${needed} role; you are signed in as ${campaigner.role}.`);
      }
      return handler(request, await parseParams(spec.params, context), campaigner);
    });
}
