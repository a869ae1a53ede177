"use client";
import { useMemo } from "react";
import { useLocale, useTranslations } from "use-intl";
import type { TLanguage } from "@/lib/i18n/languages";
import { pick } from "@/lib/i18n/localize";
import type { TComposeCampaign } from "@/lib/letters/compose-letters";
import { recipientName, recipientOrder } from "@/lib/campaigns/recipients";

/** The campaign's officials, grouped by audience, as checkboxes; each says how a letter can reach them. */
export function RecipientPicker({
  campaign,
  countryNames,
  value,
  onChange,
  onBlur,
  error,
}: {
  campaign: TComposeCampaign;
  /** Country names in the page's language, by ISO code, to say whom an embassy serves. */
  countryNames: Map<string, string>;
  value: string[];
  onChange: (next: string[]) => void;
  onBlur: () => void;
  error?: string;
}) {
  const t = useTranslations("letter");
  const language = useLocale() as TLanguage;
  const list = useMemo(() => new Intl.ListFormat(language, { type: "conjunction" }), [language]);
  const toggle = (id: string, on: boolean) => {
    const order = recipientOrder(campaign);
    const next = new Set(value);
    if (on) next.add(id);
    else next.delete(id);
    onChange(order.filter((r) => next.has(r)));
  };
  return (
    <div className={`recipient-picker${error ? " field--invalid" : ""}`}>
      {campaign.audiences.map((audience) => (
        <fieldset key={audience.id} className="audience-group">
          <legend>{pick(audience.title, language).value}</legend>
          <ul>
            {audience.recipients.map((recipient) => {
              const id = `recipient-${recipient.id}`;
              const name = recipientName(recipient, language);
              const serves = recipient.servesCountries.length
                ? t("serves", { countries: list.format(recipient.servesCountries.map((c) => countryNames.get(c) ?? c)) })
                : undefined;
              return (
                <li key={recipient.id}>
                  <input
                    id={id}
                    type="checkbox"
                    name="recipients"
                    value={recipient.id}
                    checked={value.includes(recipient.id)}
                    onChange={(e) => toggle(recipient.id, e.target.checked)}
                    onBlur={onBlur}
                    aria-describedby={serves ? `${id}-serves ${id}-how` : `${id}-how`}
                  />
                  <label htmlFor={id}>
                    <span className="recipient__name">{name ?? pick(recipient.role, language).value}</span>
                    {name ? <span className="muted"> · {pick(recipient.role, language).value}</span> : null}
                  </label>
                  {serves ? (
                    <span id={`${id}-serves`} className="how" data-testid="serves">
                      {serves}
                    </span>
                  ) : null}
                  <span id={`${id}-how`} className="how">
                    {t("reachBy", { channels: recipient.channels.map((c) => t(`channel_${c}`)).join(", ") })}
                  </span>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
      {error ? (
        <p className="field__error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}
