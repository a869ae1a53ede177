/**
 * Reopens a closed campaign, for an owner only (lib/campaigns/status-lifecycle.ts): paused (the page back, no form
 * yet) or live. A new published version, audited; the closing time is cleared, and a later close starts the
 * retention clock again. Its cancelled letters stay cancelled.
 */
import "server-only";
import type { TDb } from "@/lib/db/open";
import type { TCampaignerRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import type { TApplied } from "@/lib/content/apply-doc";
import { changeCampaignDoc } from "./post-update";

export async function reopenCampaign(db: TDb, slug: string, status: "paused" | "live", campaigner: { email: string; role: TCampaignerRole }): Promise<TApplied> {
  return db.transaction((tx) =>
    changeCampaignDoc(
      tx,
      slug,
      (doc) => {
        if (doc.campaign.status !== "closed") throw new AppError("CONFLICT", "Only a closed campaign is reopened.", [{ path: "campaign.status", code: "lifecycle", message: "not closed" }]);
        return { ...doc, campaign: { ...doc.campaign, status } };
      },
      { author: campaigner.email, role: campaigner.role, note: `reopened as ${status}` },
    ),
  );
}
