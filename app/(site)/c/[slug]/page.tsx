import { randomUUID } from "node:crypto";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import Markdown from "react-markdown";
import { LazyComposer } from "@/components/letter/lazy-composer";
import { CaseDemands } from "@/components/site/case-demands";
import { CaseStatus } from "@/components/site/case-status";
import { LetterTally } from "@/components/site/letter-tally";
import { RecipientCard } from "@/components/site/recipient-card";
import { SourceList } from "@/components/site/source-list";
import { stampForm } from "@/lib/bot-check/stamp-form";
import { StaticBlock } from "@/components/ui/static-block";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { effectiveStatus } from "@/lib/campaigns/status-lifecycle";
import { tallyLetters } from "@/lib/campaigns/letter-counts";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { LANGUAGE_NAMES } from "@/lib/i18n/languages";
import { formatPartialDate, pick } from "@/lib/i18n/localize";
import { getLanguage, getTranslator } from "@/lib/i18n/server";
import { defaultLetterLanguage, templatesForLanguage, toComposeCampaign } from "@/lib/letters/compose-letters";
import { loadTemplates } from "@/lib/letters/load-templates";
import { withDatabase } from "@/lib/http/with-database";

export const dynamic = "force-dynamic";

type TProps = { params: Promise<{ slug: string }> };

async function metadataOf({ params }: TProps): Promise<Metadata> {
  const { slug } = await params;
  const campaign = await getCampaign(await db(), slug);
  if (!campaign) return {};
  const { value } = pick(campaign.content, await getLanguage());
  // The share card (opengraph-image.tsx beside this page) is added by Next.js to both sets of tags.
  return {
    title: value.title,
    description: value.summary,
    alternates: { canonical: `/c/${slug}` },
    openGraph: { type: "article", title: value.title, description: value.summary, url: `/c/${slug}`, siteName: "Urgent Letters" },
    twitter: { card: "summary_large_image", title: value.title, description: value.summary },
  };
}

async function CampaignPage({ params }: TProps) {
  const { slug } = await params;
  const language = await getLanguage();
  const t = getTranslator(language);
  const database = await db();
  const campaign = await getCampaign(database, slug);
  if (!campaign) notFound();

  const { value: content, fallback } = pick(campaign.content, language);
  const contentLang = fallback ? "en" : language;
  const closed = campaign.status === "closed";
  const now = new Date();
  // A paused campaign keeps its page but takes no new letters (lib/campaigns/status-lifecycle.ts); so does a live one
  // past its "write before" day.
  const status = effectiveStatus(campaign, now);
  const takesLetters = status === "live";
  const writeBefore = campaign.settings.writeBefore;
  // Since 30 December 2025 spreading "LGBT propaganda" is punishable in Kazakhstan: the pages people there are most
  // likely to read say so beside the form (the composer says it in any language once the country is Kazakhstan).
  const warnKazakhstan = language === "ru" || language === "kk";
  const composeCampaign = toComposeCampaign(campaign);

  return (
    <article className="campaign">
      {/* Everything but the form is static: kept as the server's HTML in the browser, never hydrated (StaticBlock). */}
      <StaticBlock as="header" className="campaign__header">
        <p className="eyebrow">{t("home.source", { organisation: campaign.source.organisation })}</p>
        <h1 lang={contentLang}>{content.title}</h1>
        {fallback ? (
          <p className="note" role="note">
            {t("campaign.fallbackNote", { language: LANGUAGE_NAMES[language] })}
          </p>
        ) : null}
        {!fallback && content.review === "needed" ? (
          <p className="note" role="note">
            {t("campaign.reviewNote")}
          </p>
        ) : null}
        <p className="lead" lang={contentLang}>
          {content.summary}
        </p>
        {/* "No letters sent yet" would promise letters a closed campaign no longer takes. */}
        {closed && campaign.letterCount === 0 ? null : <LetterTally tally={await tallyLetters(database, campaign.slug)} t={t} testId="letter-count" />}
        {campaign.status === "paused" ? <p className="note">{t("campaign.status_paused")}</p> : null}
        {writeBefore && campaign.status === "live" ? (
          <p className={status === "live" ? "write-before" : "note"} data-testid="write-before">
            {status === "live"
              ? t("campaign.writeBefore", { date: formatPartialDate(writeBefore, language) })
              : t("campaign.writeBeforePassed", { date: formatPartialDate(writeBefore, language) })}
          </p>
        ) : null}
        {campaign.testMode && !closed ? (
          <p className="note" role="note" data-testid="test-mode">
            {t("campaign.testMode")}
          </p>
        ) : null}
      </StaticBlock>

      <CaseStatus status={campaign.caseStatus} updates={campaign.updates} closed={closed} language={language} now={now} />

      <CaseDemands campaign={campaign} language={language} closed={closed} />

      {!takesLetters ? null : (
        <>
          <section aria-labelledby="write" className="section write">
            <h2 id="write">{t("campaign.writeHeading")}</h2>
            {warnKazakhstan ? (
              <p className="note note--safety" role="note" data-testid="safety-kz">
                {t("letter.safetyKz")}
              </p>
            ) : null}
            <LazyComposer
              campaign={composeCampaign}
              // Only the language the letters start in: the composer fetches the others once it runs.
              templates={templatesForLanguage(composeCampaign, await loadTemplates(database, campaign.slug), defaultLetterLanguage(composeCampaign, language))}
              pageLanguage={language}
              today={new Date().toISOString()}
              formKey={randomUUID()}
              formStamp={stampForm()}
              organisation={env().ORGANISATION_NAME}
              warnKazakhstan={!warnKazakhstan}
            />
          </section>

          <StaticBlock as="section" aria-labelledby="recipients" className="section">
            <h2 id="recipients">{t("campaign.recipients")}</h2>
            <p className="muted" data-testid="sender-note">
              {t("campaign.senderNote", { organisation: env().ORGANISATION_NAME })}
            </p>
            {campaign.audiences.map((audience) => (
              <div key={audience.id} className="audience">
                <h3>{pick(audience.title, language).value}</h3>
                <ul className="recipient-list">
                  {audience.recipients.map((recipient) => (
                    <li key={recipient.id}>
                      <RecipientCard recipient={recipient} language={language} />
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </StaticBlock>
        </>
      )}

      <StaticBlock as="section" aria-labelledby="background" className="section prose" lang={contentLang}>
        <h2 id="background" lang={language}>
          {t("campaign.background")}
        </h2>
        <Markdown skipHtml components={{ h1: "h3", h2: "h3", h3: "h4" }}>
          {content.background}
        </Markdown>
      </StaticBlock>

      <StaticBlock as="section" aria-labelledby="timeline" className="section">
        <h2 id="timeline">{t("campaign.timeline")}</h2>
        <ol className="timeline">
          {campaign.timeline.map((entry, i) => {
            const text = pick(entry.text, language);
            return (
              <li key={`${entry.date}-${i}`}>
                <time dateTime={entry.date.split("/")[0]}>{formatPartialDate(entry.date, language)}</time>
                <p lang={text.fallback ? "en" : language}>{text.value}</p>
                <SourceList source={entry.source} label={(count) => t("campaign.sourcesLabel", { count })} />
              </li>
            );
          })}
        </ol>
      </StaticBlock>

      <StaticBlock as="footer" className="section source-credit">
        <h2>{t("campaign.source")}</h2>
        <p>
          {t("campaign.sourceCredit", { title: campaign.source.title, organisation: campaign.source.organisation })}{" "}
          {campaign.source.publishedOn ? t("campaign.sourcePublished", { date: formatPartialDate(campaign.source.publishedOn, language) }) : null}
        </p>
        {campaign.source.url ? (
          <p>
            <a href={campaign.source.url} rel="noopener noreferrer">
              {t("campaign.sourceLink")}
            </a>
          </p>
        ) : null}
      </StaticBlock>
    </article>
  );
}

// A database gone away while it renders: a 503 page, not a 500 (lib/http/with-database.ts).
export default withDatabase(CampaignPage);
export const generateMetadata = withDatabase(metadataOf);
