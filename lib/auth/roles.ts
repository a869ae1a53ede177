/**
 * What each campaigner role may do. viewer: read everything in the admin. editor: also change content and
 * deliveries. owner: also campaigners, partners and settings. Pure, so the admin's pages can grey out what a role
 * cannot do; the server checks again in every handler (lib/http/admin-route.ts).
 */
import type { TCampaignerRole } from "@/lib/db/schema";

const RANK: Record<TCampaignerRole, number> = { viewer: 0, editor: 1, owner: 2 };

export function hasRole(role: TCampaignerRole, needed: TCampaignerRole): boolean {
  return RANK[role] >= RANK[needed];
}

export const ROLE_LABELS: Record<TCampaignerRole, string> = {
  owner: "Owner: campaigners, partners and settings, and everything an editor does",
  editor: "Editor: content and deliveries",
  viewer: "Viewer: reads everything, changes nothing",
};
