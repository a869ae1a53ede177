/**
 * Closes a campaign: its closing update is posted (the outcome, shown in the case status block), its status becomes
 * closed with its closing time (campaigns.closed_at), the letters still waiting to go are cancelled in one statement
 * (lib/campaigns/cancel-queue.ts, run by the save), and, if chosen, the outcome is emailed to the past senders who
 * asked for news. All in one transaction, the campaign's row locked first so the count answered is what was cancelled.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { campaigns, type TCampaignerRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { queueNews } from "@/lib/news/queue-news";
import type { TCloseCampaign } from "@/lib/schemas/case-lifecycle";
import { countQueue, type TQueueCount } from "./cancel-queue";
import { changeCampaignDoc } from "./post-update";

export type TClosed = { version: number; cancelled: TQueueCount; emailed: number };

export async function closeCampaign(db: TDb, slug: string, input: TCloseCampaign, campaigner: { email: string; role: TCampaignerRole }): Promise<TClosed> {
  return db.transaction(async (tx) => {
    const [row] = await tx.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.slug, slug)).for("update");
    if (!row) throw new AppError("NOT_FOUND", `There is no campaign "${slug}".`);
    if (row.status === "closed") throw new AppError("CONFLICT", "This campaign is closed already.", [{ path: "campaign.status", code: "lifecycle.closed", message: "closed already" }]);
    if (row.status === "draft") throw new AppError("CONFLICT", "A draft is not closed: it was never live.", [{ path: "campaign.status", code: "lifecycle", message: "a draft cannot be closed" }]);
    const cancelled = await countQueue(tx, slug);
    const applied = await changeCampaignDoc(
      tx,
      slug,
      (doc) => ({ ...doc, campaign: { ...doc.campaign, status: "closed", updates: [...(doc.campaign.updates ?? []), input.update] } }),
      { author: campaigner.email, role: campaigner.role, note: `closed, with the update of ${input.update.date}` },
    );
    const emailed = input.email ? await queueNews(tx, slug, input.update, { closing: true }) : 0;
    // campaign.closed goes to partners from saveCampaign, whichever way the campaign is closed.
    await recordAudit(tx, { actor: campaigner.email, action: "close", entity: "campaign", key: slug, detail: { ...cancelled, emails: emailed } });
    return { version: applied.version, cancelled, emailed };
  });
}
