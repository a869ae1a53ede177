import { StaticBlock } from "@/components/ui/static-block";
import type { TCampaignView } from "@/lib/campaigns/get-campaign";
import type { TLanguage } from "@/lib/i18n/languages";
import { formatPartialDate, pick } from "@/lib/i18n/localize";
import { getTranslator } from "@/lib/i18n/server";

/**
 * The campaign's demands, audience by audience, word for word from the source (the case page, and the partner
 * embed). A closed campaign's are shown as the record they now are.
 */
export function CaseDemands({ campaign, language, closed }: { campaign: TCampaignView; language: TLanguage; closed: boolean }) {
  const t = getTranslator(language);
  return (
    <StaticBlock as="section" aria-labelledby="demands" className="section">
      <h2 id="demands">{t("campaign.demands")}</h2>
      {closed ? (
        <p className="muted" data-testid="demands-history">
          {campaign.source.publishedOn
            ? t("campaign.demandsClosed", { date: formatPartialDate(campaign.source.publishedOn, language) })
            : t("campaign.demandsClosedNoDate")}
        </p>
      ) : null}
      {campaign.audiences.map((audience) => {
        const title = pick(audience.title, language);
        const demands = pick(audience.demands, language);
        return (
          <div key={audience.id} className="audience-demands" data-audience={audience.id}>
            <p>{t("campaign.demandsTo", { audience: title.value })}</p>
            <ol className="demands" lang={demands.fallback ? "en" : language}>
              {demands.value.map((demand) => (
                <li key={demand}>{demand}</li>
              ))}
            </ol>
          </div>
        );
      })}
    </StaticBlock>
  );
}
