import { listLiveCampaigns } from "@/lib/campaigns/get-campaign";
import { db } from "@/lib/db/client";
import { pick } from "@/lib/i18n/localize";
import { getLanguage, getTranslator } from "@/lib/i18n/server";
import { withDatabase } from "@/lib/http/with-database";

export const dynamic = "force-dynamic";

async function HomePage() {
  const language = await getLanguage();
  const t = getTranslator(language);
  const campaigns = await listLiveCampaigns(await db());
  return (
    <>
      <section className="intro">
        <h1>{t("home.title")}</h1>
        <p className="lead">{t("home.intro")}</p>
      </section>
      {campaigns.length === 0 ? (
        <p>{t("home.empty")}</p>
      ) : (
        <ul className="campaign-list">
          {campaigns.map((campaign) => {
            const { value: content, fallback } = pick(campaign.content, language);
            return (
              <li key={campaign.slug} className="card" lang={fallback ? "en" : undefined}>
                <p className="card__source">{t("home.source", { organisation: campaign.source.organisation })}</p>
                <h2>
                  <a href={`/c/${campaign.slug}`}>{content.title}</a>
                </h2>
                <p>{content.summary}</p>
                <p className="card__footer" lang={language}>
                  <span className="counter" data-testid="letter-count">
                    {t("home.letters", { count: campaign.letterCount })}
                  </span>
                  <a href={`/c/${campaign.slug}`} className="button" aria-hidden="true" tabIndex={-1}>
                    {t("home.open")}
                  </a>
                </p>
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}

// A database gone away while it renders: a 503 page, not a 500 (lib/http/with-database.ts).
export default withDatabase(HomePage);
