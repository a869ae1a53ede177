import type { TRecipientRow } from "@/lib/campaigns/get-campaign";
import type { TLanguage } from "@/lib/i18n/languages";
import { formatPartialDate, pick } from "@/lib/i18n/localize";
import { getTranslator } from "@/lib/i18n/server";

/** An official as the case page shows them: who, where a letter goes, how it can be sent, and where that is from. */
export function RecipientCard({ recipient, language }: { recipient: TRecipientRow; language: TLanguage }) {
  const t = getTranslator(language);
  const role = pick(recipient.role, language);
  const organisation = pick(recipient.organisation, language);
  return (
    <div className="recipient" data-recipient={recipient.id}>
      <p className="recipient__name">{recipient.name ?? <span className="muted">{t("campaign.noName")}</span>}</p>
      <p className="recipient__role" lang={role.fallback ? "en" : language}>
        {role.value}
      </p>
      <p className="muted" lang={organisation.fallback ? "en" : language}>
        {organisation.value}
      </p>
      {recipient.address ? (
        <address>
          {recipient.address.map((line) => (
            <span key={line}>
              {line}
              <br />
            </span>
          ))}
        </address>
      ) : (
        <p className="muted">{t("campaign.addressUnknown")}</p>
      )}
      <p className="channels">
        {t("campaign.reachBy")}:{" "}
        {recipient.channels.map((channel) => (
          <span key={channel} className={`chip chip--${channel}`}>
            {t(`campaign.channel_${channel}`)}
          </span>
        ))}
      </p>
      <details className="provenance">
        <summary>{t("campaign.sources")}</summary>
        <ul>
          {recipient.source.map((source) => (
            <li key={source}>{source}</li>
          ))}
        </ul>
        <p>{t("campaign.verified", { date: formatPartialDate(recipient.verifiedOn, language) })}</p>
      </details>
    </div>
  );
}
