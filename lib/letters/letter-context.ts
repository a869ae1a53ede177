import "server-only";
import { getCampaign, type TCampaignView } from "@/lib/campaigns/get-campaign";
import type { TDb } from "@/lib/db/open";
import { loadTemplates } from "./load-templates";
import type { TTemplateRow } from "./compose-letters";

/**
 * A campaign with its letter templates, for the hot paths (preview, submission). Kept for a few seconds per
 * process: campaign edits are rare, and a submission burst then costs one read instead of five per request.
 */
const TTL_MS = 5_000;
const MAX_ENTRIES = 100;
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
  // Only campaigns that exist are kept (a body can name any slug), and only a bounded number of them.
  if (perDb.size >= MAX_ENTRIES) perDb.clear();
  perDb.set(slug, { at: now, value });
  value.then(
    (found) => {
      if (!found) perDb.delete(slug);
    },
    () => perDb.delete(slug),
  );
  return value;
}
