/**
 * Posts a dated case update (per language, with its source) through the content model: a new published version of
 * the campaign (audited, the content revision bumped, so the case status block shows it on the next request), and,
 * if the campaigner chose so, the news email queued for every supporter who asked for news, in the same transaction.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { TApplied } from "@/lib/content/apply-doc";
import type { TCampaignDoc } from "@/lib/content/docs";
import { readPublished } from "@/lib/content/read-doc";
import { saveCampaign } from "@/lib/content/save-campaign";
import type { TDb } from "@/lib/db/open";
import { campaigns, type TCampaignerRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { queueNews } from "@/lib/news/queue-news";
import type { TPostUpdate } from "@/lib/schemas/case-lifecycle";
import { recordAudit } from "@/lib/audit/record-audit";
import { emitCampaignEvent } from "@/lib/webhooks/emit-event";

export type TPostedUpdate = TApplied & { emailed: number };

/**
 * The campaign's current doc with `change` made to it, saved as a version in `tx`: the row is locked first, so two
 * campaigners' updates cannot lose one another.
 */
export async function changeCampaignDoc(
  tx: TDb,
  slug: string,
  change: (doc: TCampaignDoc) => TCampaignDoc,
  meta: { author: string; role: TCampaignerRole; note: string },
): Promise<TApplied> {
  const [row] = await tx.select({ slug: campaigns.slug }).from(campaigns).where(eq(campaigns.slug, slug)).for("update");
  const version = row ? await readPublished(tx, "campaign", slug) : undefined;
  if (!version) throw new AppError("NOT_FOUND", `There is no campaign "${slug}".`);
  return saveCampaign(tx, change(version.doc as TCampaignDoc), meta.author, { role: meta.role, note: meta.note });
}

export async function postUpdate(db: TDb, slug: string, input: TPostUpdate, campaigner: { email: string; role: TCampaignerRole }): Promise<TPostedUpdate> {
  return db.transaction(async (tx) => {
    const applied = await changeCampaignDoc(
      tx,
      slug,
      (doc) => ({ ...doc, campaign: { ...doc.campaign, updates: [...(doc.campaign.updates ?? []), input.update] } }),
      { author: campaigner.email, role: campaigner.role, note: `update of ${input.update.date}` },
    );
    const emailed = input.email ? await queueNews(tx, slug, input.update, { closing: false }) : 0;
    // Partners' endpoints that take campaign.updated hear of it with the update (English text), in this transaction.
    await emitCampaignEvent(tx, "campaign.updated", slug, new Date(), { date: input.update.date, text: input.update.text.en, source: input.update.source });
    if (input.email) await recordAudit(tx, { actor: campaigner.email, action: "email update", entity: "campaign", key: slug, detail: { date: input.update.date, emails: emailed } });
    return { ...applied, emailed };
  });
}
