/**
 * Publishes a doc inside the caller's transaction: a new version, the serving tables written from it, the content
 * revision bumped (so every process's cache drops the old copy) and a line in the audit log. A doc equal to the
 * current published one is not saved again. Callers validate first (save-*.ts, import-content.ts).
 */
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { bumpRevision } from "./content-revision";
import { canonicalJson, type TCampaignDoc, type TEntity, type TPartnerDoc, type TRecipientDoc, type TTemplateDoc } from "./docs";
import { readPublished } from "./read-doc";
import { recordVersion } from "./record-version";
import { writeCampaign } from "./write-campaign";
import { writePartner } from "./write-partner";
import { writeRecipient } from "./write-recipient";
import { writeTemplate } from "./write-template";

export type TApplied = { changed: boolean; versionId: string; version: number };
export type TApplyMeta = { author: string; note?: string; loadedFrom?: string | null };

type TDocOf = { campaign: TCampaignDoc; template: TTemplateDoc; recipient: TRecipientDoc; partner: TPartnerDoc };

export async function applyDoc<E extends TEntity>(tx: TDb, entity: E, key: string, doc: TDocOf[E], meta: TApplyMeta): Promise<TApplied> {
  const current = await readPublished(tx, entity, key);
  if (current && canonicalJson(current.doc) === canonicalJson(doc)) {
    return { changed: false, versionId: current.id, version: current.version };
  }
  const { id, version } = await recordVersion(tx, { entity, key, state: "published", doc, author: meta.author, note: meta.note });
  const loadedFrom = meta.loadedFrom ?? null;
  if (entity === "recipient") await writeRecipient(tx, doc as TRecipientDoc, loadedFrom);
  else if (entity === "campaign") await writeCampaign(tx, doc as TCampaignDoc, loadedFrom);
  else if (entity === "partner") await writePartner(tx, doc as TPartnerDoc, loadedFrom);
  else await writeTemplate(tx, key, doc as TTemplateDoc, id, loadedFrom);
  await bumpRevision(tx);
  await recordAudit(tx, { actor: meta.author, action: current ? "publish" : "create", entity, key, detail: { version, ...(meta.note ? { note: meta.note } : {}) } });
  return { changed: true, versionId: id, version };
}
