import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { EmbedBridge, EmbedHelloQueue } from "@/components/embed/embed-bridge";
import { LazyComposer } from "@/components/letter/lazy-composer";
import { CaseDemands } from "@/components/site/case-demands";
import { StaticBlock } from "@/components/ui/static-block";
import { stampForm } from "@/lib/bot-check/stamp-form";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { db } from "@/lib/db/client";
import { env, publicUrl } from "@/lib/env";
import { pick } from "@/lib/i18n/localize";
import { getLanguage, getTranslator } from "@/lib/i18n/server";
import { defaultLetterLanguage, templatesForLanguage, toComposeCampaign } from "@/lib/letters/compose-letters";
import { loadTemplates } from "@/lib/letters/load-templates";
import { withDatabase } from "@/lib/http/with-database";
import { partnerConsentWording } from "@/lib/partners/consent-wording";
import { embedContext, type TEmbedSearch } from "../embed-context";
import "../embed.css";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<TEmbedSearch> };

async function metadataOf({ params }: TProps): Promise<Metadata> {
  const { slug } = await params;
  const campaign = await getCampaign(await db(), slug);
  return {
    title: campaign ? pick(campaign.content, await getLanguage()).value.title : "Urgent Letters",
    // The case page is the campaign's address; the frame is not a page to find.
    robots: { index: false, follow: false },
  };
}

/**
 * The form in a partner's frame (docs/partners.md): the case summary and demands, the same composer as the case
 * page, and a link to the full case page. Its result opens inside the frame too (./thanks). Only the partner's
 * allowed origins may frame it (proxy.ts); it talks to the partner page through EmbedBridge only.
 */
async function EmbedPage({ params, searchParams }: TProps) {
  const [{ slug }, search] = await Promise.all([params, searchParams]);
  const language = await getLanguage();
  const t = getTranslator(language);
  const database = await db();
  const [campaign, context] = await Promise.all([getCampaign(database, slug), embedContext(database, search)]);
  const { partner, css, carried, nonce } = context;
  const origins = partner?.allowedOrigins ?? [];
  // A draft campaign is the campaigners' only; it is as unknown here as on the case page.
  const found = campaign && campaign.status !== "draft" ? campaign : undefined;

  if (!found || found.status !== "live") {
    return (
      <div id="embed-root" className="embed">
        <EmbedHelloQueue nonce={nonce} />
        {css ? <style nonce={nonce}>{css}</style> : null}
        <p className="note" role="note">
          {found ? t(found.status === "closed" ? "campaign.status_closed" : "campaign.status_paused") : t("embed.notFound")}
        </p>
        {found ? (
          <p className="embed__case-link">
            <a href={`${publicUrl()}/c/${found.slug}?lang=${language}`} target="_blank" rel="noopener">
              {t("embed.caseLink")}
            </a>
          </p>
        ) : null}
        <EmbedBridge allowedOrigins={origins} rootId="embed-root" error={found ? `the campaign "${found.slug}" takes no letters now (${found.status})` : `there is no campaign "${slug}"`} />
      </div>
    );
  }

  const { value: content, fallback } = pick(found.content, language);
  const composeCampaign = toComposeCampaign(found);
  const warnKazakhstan = language === "ru" || language === "kk";
  return (
    <div id="embed-root" className="embed" lang={language}>
      <EmbedHelloQueue nonce={nonce} />
      {css ? <style nonce={nonce}>{css}</style> : null}
      <StaticBlock as="header" className="campaign__header">
        <p className="eyebrow">{t("home.source", { organisation: found.source.organisation })}</p>
        <h1 lang={fallback ? "en" : language}>{content.title}</h1>
        <p className="lead" lang={fallback ? "en" : language}>
          {content.summary}
        </p>
        <p className="embed__case-link">
          <a href={`${publicUrl()}/c/${found.slug}?lang=${language}`} target="_blank" rel="noopener">
            {t("embed.caseLink")}
          </a>
        </p>
      </StaticBlock>
      <CaseDemands campaign={found} language={language} closed={false} />
      <section aria-labelledby="write" className="section write">
        <h2 id="write">{t("campaign.writeHeading")}</h2>
        {warnKazakhstan ? (
          <p className="note note--safety" role="note" data-testid="safety-kz">
            {t("letter.safetyKz")}
          </p>
        ) : null}
        <LazyComposer
          campaign={composeCampaign}
          templates={templatesForLanguage(composeCampaign, await loadTemplates(database, found.slug), defaultLetterLanguage(composeCampaign, language))}
          pageLanguage={language}
          today={new Date().toISOString()}
          formKey={randomUUID()}
          formStamp={stampForm()}
          organisation={env().ORGANISATION_NAME}
          warnKazakhstan={!warnKazakhstan}
          resultPath={`/embed/${found.slug}/thanks?${new URLSearchParams([...carried, ["sent", "1"]])}`}
          partner={partner ? { code: partner.code, consentLabel: partnerConsentWording(language, partner.name) } : undefined}
        />
      </section>
      <EmbedBridge allowedOrigins={origins} rootId="embed-root" ready={{ campaign: found.slug, language }} />
    </div>
  );
}

// A database gone away while it renders: a 503 page, not a 500 (lib/http/with-database.ts).
export default withDatabase(EmbedPage);
export const generateMetadata = withDatabase(metadataOf);
