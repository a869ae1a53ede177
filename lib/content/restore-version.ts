/**
 * Restores an earlier version: its doc is saved again as the newest version, so history only grows. A campaign or a
 * recipient is published at once (through the same checks as a save); a letter template comes back as a draft, to be
 * looked at in the preview and published.
 */
import "server-only";
import { eq } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { campaigns, contentVersions } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { saveCampaign } from "./save-campaign";
import { savePartner } from "./save-partner";
import { saveRecipient } from "./save-recipient";
import { saveTemplate } from "./save-template";

export async function restoreVersion(
  db: TDb,
  versionId: string,
  author: string,
  /** Partners are the owners' to change (lib/auth/roles.ts): an editor may restore anything else. */
  options: { partners?: boolean } = {},
): Promise<{ entity: string; key: string; version: number }> {
  const [old] = await db.select().from(contentVersions).where(eq(contentVersions.id, versionId));
  if (!old) throw new AppError("NOT_FOUND", "There is no such version.");
  const note = `restored version ${old.version}`;
  if (old.entity === "template") {
    const saved = await saveTemplate(db, old.key, old.doc, author, "draft", note);
    return { entity: old.entity, key: old.key, version: saved.version };
  }
  if (old.entity === "campaign") {
    // Text and settings come back; the status stays where it is now (it moves only along the lifecycle).
    const [current] = await db.select({ status: campaigns.status }).from(campaigns).where(eq(campaigns.slug, old.key));
    const doc = old.doc as { campaign: Record<string, unknown> };
    const saved = await saveCampaign(db, { ...doc, campaign: { ...doc.campaign, status: current?.status ?? doc.campaign.status } }, author, { note });
    return { entity: old.entity, key: old.key, version: saved.version };
  }
  if (old.entity === "partner") {
    if (!options.partners) throw new AppError("FORBIDDEN", "Restoring a partner needs the owner role.");
    const saved = await savePartner(db, old.doc, author, note);
    return { entity: old.entity, key: old.key, version: saved.version };
  }
  const saved = await saveRecipient(db, old.doc, author, note);
  return { entity: old.entity, key: old.key, version: saved.version };
}
