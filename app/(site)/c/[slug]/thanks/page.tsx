import Link from "next/link";
import { notFound } from "next/navigation";
import { ThanksLetters } from "@/components/letter/thanks-letters";
import { ShareLinks } from "@/components/site/share-links";
import { getActionStatus } from "@/lib/actions/get-action-status";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { pick } from "@/lib/i18n/localize";
import { CATALOGS } from "@/lib/i18n/messages";
import { getLanguage, getTranslator } from "@/lib/i18n/server";
import { countryName } from "@/lib/schemas/countries";
import { inCampaignOrder, recipientLabel } from "@/lib/campaigns/recipients";

export const dynamic = "force-dynamic";

export default async function ThanksPage({ params, searchParams }: { params: Promise<{ slug: string }>; searchParams: Promise<{ action?: string }> }) {
  const [{ slug }, { action: actionId }] = await Promise.all([params, searchParams]);
  const language = await getLanguage();
  const t = getTranslator(language);
  const database = await db();
  const campaign = await getCampaign(database, slug);
  if (!campaign) notFound();
  const action = actionId ? await getActionStatus(database, actionId) : undefined;
  const content = pick(campaign.content, language).value;
  const caseUrl = `${publicUrl()}/c/${slug}`;
  const channels = new Set(action?.letters.map((l) => l.channel));
  // Letters in the order the campaign lists the officials, as the form showed them.
  const ordered = inCampaignOrder(campaign, action?.letters ?? [], (l) => l.recipientId);
  const pending = action?.status === "awaiting-confirmation";

  return (
    <article className="thanks">
      <header className="section">
        <h1>{t("thanks.title")}</h1>
        <p className="lead">{t("thanks.intro", { subject: campaign.subject })}</p>
        <p className="counter" data-testid="campaign-counter">
          {t("thanks.counter", { count: campaign.letterCount })}
        </p>
      </header>
      {action && action.campaignSlug === slug ? (
        <section className="section" aria-labelledby="next">
          <h2 id="next">{t("thanks.next")}</h2>
          <ul>
            {channels.has("email") ? <li>{pending ? t("thanks.nextPending") : t("thanks.nextEmail")}</li> : null}
            {channels.has("mailto") ? <li>{t("thanks.nextMailto")}</li> : null}
            {channels.has("post") ? <li>{t("thanks.nextPost")}</li> : null}
          </ul>
          <h3>{t("thanks.letters")}</h3>
          <ThanksLetters
            actionId={action.id}
            language={language}
            messages={{ thanks: CATALOGS[language].thanks }}
            letters={ordered.map((l) => ({
              id: l.id,
              recipientLabel: recipientLabel(l, language),
              channel: l.channel,
              status: l.reason === "already-written" ? "alreadyWritten" : l.status,
              subject: l.subject,
              body: l.body,
              email: l.email,
              paper: l.paper,
              postageFree: l.country === "CA" && action.country === "CA",
              countryName: countryName(l.country, language),
            }))}
          />
        </section>
      ) : actionId ? (
        <p className="note">{t("thanks.notFound")}</p>
      ) : null}
      <section className="section" aria-labelledby="share">
        <h2 id="share">{t("thanks.share")}</h2>
        <ShareLinks url={caseUrl} title={content.title} labels={{ email: t("thanks.shareEmail"), copy: t("thanks.shareLink") }} />
        <p>
          <Link href={`/c/${slug}`}>{t("thanks.backToCase")}</Link>
        </p>
      </section>
    </article>
  );
}
