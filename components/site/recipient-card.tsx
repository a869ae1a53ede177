import type { TRecipientRow } from "@/lib/campaigns/get-campaign";
import type { TLanguage } from "@/lib/i18n/languages";
import { formatPartialDate, pick } from "@/lib/i18n/localize";
import { getTranslator } from "@/lib/i18n/server";
import { recipientName } from "@/lib/campaigns/recipients";
import { countryName } from "@/lib/schemas/countries";

/** An official as the case page shows them: who, where a letter goes, how it can be sent, and where that is from. */
export function RecipientCard({ recipient, language }: { recipient: TRecipientRow; language: TLanguage }) {
  const t = getTranslator(language);
  const role = pick(recipient.role, language);
  const organisation = pick(recipient.organisation, language);
  const name = recipientName(recipient, language);
  const list = new Intl.ListFormat(language, { type: "conjunction" });
  return (
    <div className="recipient" data-recipient={recipient.id}>
      <p className="recipient__name">{name ?? <span className="muted">{t("campaign.noName")}</span>}</p>
      <p className="recipient__role" lang={role.fallback ? "en" : language}>
        {role.value}
      </p>
      <p className="muted" lang={organisation.fallback ? "en" : language}>
        {organisation.value}
      </p>
      {recipient.servesCountries.length > 0 ? (
        <p className="muted" data-testid="serves">
          {t("campaign.serves", { countries: list.format(recipient.servesCountries.map((c) => countryName(c, language))) })}
        </p>
      ) : null}
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
      {recipient.address && recipient.addressCheck === "needed" ? (
        <p className="note note--small" data-testid="address-check">
          {t("campaign.addressCheck")}
        </p>
      ) : null}
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
        {recipient.email && recipient.emailCheck === "needed" ? <p data-testid="email-check">{t("campaign.emailCheck")}</p> : null}
      </details>
    </div>
  );
}
