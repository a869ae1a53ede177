import "server-only";
import { getCampaign, type TCampaignView } from "@/lib/campaigns/get-campaign";
import { cachedByRevision } from "@/lib/content/content-revision";
import type { TDb } from "@/lib/db/open";
import { loadTemplates } from "./load-templates";
import type { TTemplateRow } from "./compose-letters";

/**
 * A campaign with its letter templates, for the hot paths (preview, submission): kept per process until the content
 * revision changes (any edit, in any process), so a submission burst costs one small read instead of five.
 */
export type TLetterContext = { campaign: TCampaignView; templates: TTemplateRow[] };

export function getLetterContext(db: TDb, slug: string): Promise<TLetterContext | undefined> {
  return cachedByRevision(db, `letter-context:${slug}`, async () => {
    const campaign = await getCampaign(db, slug);
    return campaign ? { campaign, templates: await loadTemplates(db, slug) } : undefined;
  });
}
