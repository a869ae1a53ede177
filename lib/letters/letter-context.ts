import { getCampaign, type TCampaignView } from "@/lib/campaigns/get-campaign";
import type { TDb } from "@/lib/db/open";
import { loadTemplates } from "./load-templates";
import type { TTemplateRow } from "./compose-letters";

/**
 * A campaign with its letter templates, for the hot paths (preview, submission). Kept for a few seconds per
 * process: campaign edits are rare, and a submission burst then costs one read instead of five per request.
 */
const TTL_MS = 5_000;
const cache = new WeakMap<TDb, Map<string, { at: number; value: Promise<TLetterContext | undefined> }>>();

export type TLetterContext = { campaign: TCampaignView; templates: TTemplateRow[] };

export function getLetterContext(db: TDb, slug: string, now = Date.now()): Promise<TLetterContext | undefined> {
  let perDb = cache.get(db);
  if (!perDb) cache.set(db, (perDb = new Map()));
  const hit = perDb.get(slug);
  if (hit && now - hit.at < TTL_MS) return hit.value;
  const value = (async () => {
    const campaign = await getCampaign(db, slug);
    return campaign ? { campaign, templates: await loadTemplates(db, slug) } : undefined;
  })();
  // A failed read is not kept.
  value.catch(() => perDb.delete(slug));
  perDb.set(slug, { at: now, value });
  return value;
}
