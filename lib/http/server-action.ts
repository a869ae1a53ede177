import "server-only";
import { headers } from "next/headers";
import { getCampaigner } from "@/lib/auth/get-campaigner";
import { hasRole } from "@/lib/auth/roles";
import type { TCampaignerRole } from "@/lib/db/schema";

/**
 * Every server action is built here, the counterpart of route.ts and admin-route.ts: its access is declared with it
 * and checked inside the action, before its own code runs (never only by the page or layout that renders the form,
 * which a crafted POST skips). `public` actions are the supporters' forms. An action for campaigners answers
 * `refused("unauthorized" | "forbidden")` without a session or without the role. e2e/admin/access.spec.ts fails
 * when an exported server action is not built here.
 */
type TSpec<S> = { access: "public" } | { access: TCampaignerRole; refused: (reason: "unauthorized" | "forbidden") => S };

export function serverAction<S, A extends unknown[]>(spec: TSpec<S>, action: (...args: A) => Promise<S>): (...args: A) => Promise<S> {
  return async (...args: A) => {
    if (spec.access !== "public") {
      const campaigner = await getCampaigner(await headers());
      if (!campaigner) return spec.refused("unauthorized");
      if (!hasRole(campaigner.role, spec.access)) return spec.refused("forbidden");
    }
    return action(...args);
  };
}
