import type { Metadata } from "next";
import { EmbedBridge, EmbedHelloQueue } from "@/components/embed/embed-bridge";
import { OUTCOME_TITLES, ResultStep, outcomeOf } from "@/components/letter/result-step";
import { getActionStatus } from "@/lib/actions/get-action-status";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { tallyLetters } from "@/lib/campaigns/letter-counts";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { getLanguage, getTranslator } from "@/lib/i18n/server";
import { withDatabase } from "@/lib/http/with-database";
import { embedContext, type TEmbedSearch } from "../../embed-context";
import "../../embed.css";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<TEmbedSearch & { action?: string; sent?: string }> };

async function metadataOf({ params, searchParams }: TProps): Promise<Metadata> {
  const [{ slug }, { action: actionId }] = await Promise.all([params, searchParams]);
  const action = typeof actionId === "string" ? await getActionStatus(await db(), actionId) : undefined;
  const t = getTranslator(await getLanguage());
  return { title: t(OUTCOME_TITLES[outcomeOf(action?.campaignSlug === slug ? action : undefined)]), robots: { index: false, follow: false } };
}

/**
 * The result of sending inside the partner's frame: the case page's result step (components/letter/result-step.tsx),
 * with its links to the case opening outside the frame. Opened fresh from the form (`sent=1`), it tells the partner
 * page `submitted`: the action's id, how the letters go and how many, nothing about the supporter.
 */
async function EmbedThanksPage({ params, searchParams }: TProps) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const language = await getLanguage();
  const t = getTranslator(language);
  const database = await db();
  const [campaign, context] = await Promise.all([getCampaign(database, slug), embedContext(database, search)]);
  const { partner, css, nonce } = context;
  const origins = partner?.allowedOrigins ?? [];
  const found = typeof search.action === "string" ? await getActionStatus(database, search.action) : undefined;
  const action = campaign && found && found.campaignSlug === campaign.slug ? found : undefined;
  return (
    <div id="embed-root" className="embed" lang={language}>
      <EmbedHelloQueue nonce={nonce} />
      {css ? <style nonce={nonce}>{css}</style> : null}
      {campaign && campaign.status !== "draft" ? (
        <ResultStep
          campaign={campaign}
          action={action}
          actionId={search.action}
          language={language}
          tally={await tallyLetters(database, campaign.slug)}
          caseHref={`${publicUrl()}/c/${campaign.slug}?lang=${language}`}
          caseUrl={`${publicUrl()}/c/${campaign.slug}`}
          caseLinkTarget="_blank"
        />
      ) : (
        <p className="note">{t("embed.notFound")}</p>
      )}
      <EmbedBridge
        allowedOrigins={origins}
        rootId="embed-root"
        ready={campaign ? { campaign: campaign.slug, language } : undefined}
        error={campaign ? undefined : `there is no campaign "${slug}"`}
        step="result"
        submitted={action && search.sent === "1" ? { actionId: action.id, delivery: action.delivery as "email" | "mailto" | "post", letters: action.letters.length } : undefined}
      />
    </div>
  );
}

export default withDatabase(EmbedThanksPage);
export const generateMetadata = withDatabase(metadataOf);
