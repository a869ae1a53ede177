/**
 * For admin pages: the signed-in campaigner, or a redirect to the sign-in page (which comes back here after). Each
 * page calls it itself; the layout's call only draws the navigation and is not relied on for access.
 */
import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import type { TCampaignerRole } from "@/lib/db/schema";
import { getCampaigner, type TCampaigner } from "./get-campaigner";
import { hasRole } from "./roles";

export async function requireCampaigner(role: TCampaignerRole = "viewer"): Promise<TCampaigner> {
  const h = await headers();
  const campaigner = await getCampaigner(h);
  if (!campaigner) {
    const here = h.get("x-ul-url") ?? "/admin";
    redirect(`/admin/sign-in?next=${encodeURIComponent(here.startsWith("/admin") ? here : "/admin")}`);
  }
  if (!hasRole(campaigner.role, role)) redirect(`/admin/forbidden?needs=${role}`);
  return campaigner;
}
