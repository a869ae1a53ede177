"use client";
import { useTranslations } from "use-intl";
import type { TDelivery } from "@/lib/schemas/action-input";

/** How the letters go out: by us (after email confirmation), from the supporter's mail app, or printed. */
export function SendStep({
  unavailableHint,
  organisation,
  partnerConsent,
  delivery,
  onDelivery,
  emailPossible,
  postOnlyCount,
  consent,
  onConsent,
  submitting,
  error,
}: {
  delivery: TDelivery;
  onDelivery: (d: TDelivery) => void;
  emailPossible: boolean;
  postOnlyCount: number;
  consent: boolean;
  onConsent: (on: boolean) => void;
  submitting: boolean;
  error?: string;
  /** Shown instead of the hint of a way that none of the chosen officials accepts. */
  unavailableHint: string;
  /** Who would send the news the supporter may ask for (ORGANISATION_NAME). */
  organisation: string;
  /** On a partner's embed: "<partner> may contact me", with its words as the server will record them. */
  partnerConsent?: { label: string; checked: boolean; onChange: (on: boolean) => void };
}) {
  const t = useTranslations("send");
  const options: { value: TDelivery; label: string; hint: string; disabled: boolean }[] = [
    { value: "email", label: t("email"), hint: t("emailHint"), disabled: !emailPossible },
    { value: "mailto", label: t("mailto"), hint: t("mailtoHint"), disabled: !emailPossible },
    { value: "post", label: t("post"), hint: t("postHint"), disabled: false },
  ];
  return (
    <fieldset className="step" data-step="send" aria-describedby={error ? "send-error" : undefined}>
      <legend>{t("step")}</legend>
      <fieldset className="delivery-options">
        <legend>{t("how")}</legend>
        {options.map((o) => (
          <div key={o.value} className={`radio${o.disabled ? " radio--disabled" : ""}`}>
            <input
              type="radio"
              id={`delivery-${o.value}`}
              name="delivery"
              value={o.value}
              checked={delivery === o.value}
              disabled={o.disabled}
              onChange={() => onDelivery(o.value)}
              aria-describedby={`delivery-${o.value}-hint`}
            />
            <label htmlFor={`delivery-${o.value}`}>{o.label}</label>
            <p id={`delivery-${o.value}-hint`} className="field__hint">
              {o.disabled ? unavailableHint : o.hint}
            </p>
          </div>
        ))}
      </fieldset>
      {delivery !== "post" && postOnlyCount > 0 ? <p className="note">{t("postOnlyNote", { count: postOnlyCount })}</p> : null}
      <div className="check">
        <input id="consent-updates" type="checkbox" name="consent.updates" checked={consent} onChange={(e) => onConsent(e.target.checked)} />
        <label htmlFor="consent-updates">{t("consentUpdates", { organisation })}</label>
      </div>
      {partnerConsent ? (
        <div className="check">
          <input
            id="consent-partner"
            type="checkbox"
            name="consent.partner"
            checked={partnerConsent.checked}
            onChange={(e) => partnerConsent.onChange(e.target.checked)}
          />
          <label htmlFor="consent-partner">{partnerConsent.label}</label>
        </div>
      ) : null}
      {error ? (
        <p className="field__error" id="send-error" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button--large" disabled={submitting} aria-busy={submitting}>
        {submitting ? t("submitting") : t("submit")}
      </button>
    </fieldset>
  );
}
