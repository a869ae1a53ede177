/**
 * The admin's save of a campaign (campaign.yaml and its texts): validated by the file schemas and against the
 * database (check-campaign.ts), its status moved only along the lifecycle, then published as a new version.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { cancelQueue } from "@/lib/campaigns/cancel-queue";
import { emitCampaignEvent } from "@/lib/webhooks/emit-event";
import { canMove, roleForMove } from "@/lib/campaigns/status-lifecycle";
import { hasRole } from "@/lib/auth/roles";
import type { TDb } from "@/lib/db/open";
import { campaigns, type TCampaignerRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { applyDoc, type TApplied } from "./apply-doc";
import { checkCampaign } from "./check-campaign";
import { ZCampaignDoc } from "./docs";
import { invalidDoc } from "./invalid-doc";

export async function saveCampaign(db: TDb, input: unknown, author: string, options: { create?: boolean; note?: string; role?: TCampaignerRole } = {}): Promise<TApplied> {
  const parsed = ZCampaignDoc.safeParse(input);
  if (!parsed.success) throw invalidDoc(parsed.error);
  const doc = parsed.data;
  const slug = doc.campaign.slug;
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.slug, slug)).for("update");
    if (options.create && current) {
      throw new AppError("INVALID_INPUT", "This could not be saved: please check the fields listed.", [{ path: "campaign.slug", code: "taken", message: `a campaign "${slug}" exists already` }]);
    }
    if (!options.create && !current) throw new AppError("NOT_FOUND", `There is no campaign "${slug}".`);
    if (!current && doc.campaign.status !== "draft") {
      throw new AppError("INVALID_INPUT", "This could not be saved: please check the fields listed.", [{ path: "campaign.status", code: "lifecycle", message: "a new campaign starts as a draft" }]);
    }
    if (current && !canMove(current.status, doc.campaign.status)) {
      throw new AppError("INVALID_INPUT", "This could not be saved: please check the fields listed.", [
        { path: "campaign.status", code: "lifecycle", message: `a ${current.status} campaign cannot become ${doc.campaign.status}` },
      ]);
    }
    // Reopening a closed case is an owner's decision (lib/campaigns/status-lifecycle.ts).
    if (current && options.role && !hasRole(options.role, roleForMove(current.status, doc.campaign.status))) {
      throw new AppError("FORBIDDEN", `Only an owner can reopen a closed campaign; you are signed in as ${options.role}.`, [
        { path: "campaign.status", code: "lifecycle.reopen", message: "only an owner can reopen a closed campaign" },
      ]);
    }
    const goingLive = doc.campaign.status === "live" && current?.status !== "live";
    const problems = await checkCampaign(tx, doc, { goingLive });
    if (problems.length) throw new AppError("INVALID_INPUT", "This could not be saved: please check the fields listed.", problems);
    const applied = await applyDoc(tx, "campaign", slug, doc, { author, note: options.note });
    // Closing cancels what still waits to go, whichever way the campaign was closed (the close page says so first).
    if (current && current.status !== "closed" && doc.campaign.status === "closed") {
      await cancelQueue(tx, slug, author);
      // …and partners' endpoints hear of it (campaign.closed), in the same transaction.
      await emitCampaignEvent(tx, "campaign.closed", slug, new Date());
    }
    return applied;
  });
}
