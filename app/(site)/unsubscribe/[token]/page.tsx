import type { Metadata } from "next";
import { db } from "@/lib/db/client";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { pick } from "@/lib/i18n/localize";
import { getLanguage, getTranslator } from "@/lib/i18n/server";
import { withDatabase } from "@/lib/http/with-database";
import { findNewsToken } from "@/lib/news/unsubscribe";

export const dynamic = "force-dynamic";
// The address holds a live token: never indexed.
export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * The page of a news email's unsubscribe link. Opening it changes nothing (mail scanners open links): the button
 * posts to /u/<token>, which unsubscribes at once, as a mail app's one-click button does, and comes back here.
 */
async function UnsubscribePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const language = await getLanguage();
  const t = getTranslator(language);
  const database = await db();
  const found = token.length <= 200 ? await findNewsToken(database, token) : undefined;
  const campaign = found ? await getCampaign(database, found.campaignSlug) : undefined;
  const title = campaign ? pick(campaign.content, language).value.title : (found?.campaignSlug ?? "");
  return (
    <section className="section confirm">
      <h1>{t("unsubscribe.title")}</h1>
      {!found ? (
        <p className="lead" data-testid="unsubscribe-unknown">
          {t("unsubscribe.unknown")}
        </p>
      ) : found.unsubscribed ? (
        <>
          <p className="lead" role="status" data-testid="unsubscribe-done">
            {t("unsubscribe.done", { title })}
          </p>
          <p className="muted">{t("unsubscribe.doneNote")}</p>
        </>
      ) : (
        <>
          <p className="lead">{t("unsubscribe.intro", { title })}</p>
          <form method="post" action={`/u/${encodeURIComponent(token)}?lang=${language}`}>
            <input type="hidden" name="List-Unsubscribe" value="One-Click" />
            <button type="submit" className="button">
              {t("unsubscribe.button")}
            </button>
          </form>
        </>
      )}
      {campaign ? (
        <p>
          <a href={`/c/${campaign.slug}`}>{t("unsubscribe.caseLink")}</a>
        </p>
      ) : null}
    </section>
  );
}

export default withDatabase(UnsubscribePage);
