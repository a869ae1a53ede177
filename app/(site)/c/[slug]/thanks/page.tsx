import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { OUTCOME_TITLES, ResultStep, outcomeOf } from "@/components/letter/result-step";
import { getActionStatus } from "@/lib/actions/get-action-status";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { tallyLetters } from "@/lib/campaigns/letter-counts";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { isLanguage } from "@/lib/i18n/languages";
import { getLanguage, getTranslator } from "@/lib/i18n/server";
import { withDatabase } from "@/lib/http/with-database";

export const dynamic = "force-dynamic";
type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ action?: string; lang?: string }> };

async function metadataOf({ params, searchParams }: TProps): Promise<Metadata> {
  const [{ slug }, { action: actionId }] = await Promise.all([params, searchParams]);
  const action = actionId ? await getActionStatus(await db(), actionId) : undefined;
  const t = getTranslator(await getLanguage());
  return {
    title: t(OUTCOME_TITLES[outcomeOf(action?.campaignSlug === slug ? action : undefined)]),
    // The address holds the action's id, the key to its letters: never indexed.
    robots: { index: false, follow: false },
  };
}

/**
 * Where every way of sending ends (components/letter/result-step.tsx, shared with the partner embed). It speaks the
 * language of the page the letters were written on, whatever the browser opening it prefers; the language switch
 * still changes it.
 */
async function ThanksPage({ params, searchParams }: TProps) {
  const [{ slug }, { action: actionId, lang }] = await Promise.all([params, searchParams]);
  const database = await db();
  const campaign = await getCampaign(database, slug);
  if (!campaign) notFound();
  const found = actionId ? await getActionStatus(database, actionId) : undefined;
  const action = found && found.campaignSlug === slug ? found : undefined;
  // ?lang= makes the whole page (the header and the switch too) speak the action's language.
  if (action && !isLanguage(lang) && isLanguage(action.pageLanguage)) {
    redirect(`/c/${encodeURIComponent(slug)}/thanks?action=${action.id}&lang=${action.pageLanguage}`);
  }
  return (
    <ResultStep
      campaign={campaign}
      action={action}
      actionId={actionId}
      language={await getLanguage()}
      tally={await tallyLetters(database, slug)}
      caseHref={`/c/${slug}`}
      caseUrl={`${publicUrl()}/c/${slug}`}
    />
  );
}

// A database gone away while it renders: a 503 page, not a 500 (lib/http/with-database.ts).
export default withDatabase(ThanksPage);
export const generateMetadata = withDatabase(metadataOf);
