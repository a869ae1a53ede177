"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useMemo, useRef, useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { IntlProvider, useTranslations } from "use-intl";
import { Field } from "@/components/ui/field";
import { LANGUAGE_NAMES, type TLanguage } from "@/lib/i18n/languages";
import type { TMessages } from "@/lib/i18n/messages";
import { composeLetters, type TComposeCampaign, type TTemplateRow } from "@/lib/letters/compose-letters";
import { actionInputSchemaFor, type TActionInput, type TActionInputForm, type TDelivery } from "@/lib/schemas/action-input";
import { PERSONAL_NOTE_MAX } from "@/lib/schemas/letter-input";
import { LetterPreview } from "./letter-preview";
import { PdfPreview } from "./pdf-preview";
import { RecipientPicker } from "./recipient-picker";
import { SendStep } from "./send-step";
import { usePersistedForm } from "./use-persisted-form";
import { recipientOrder, recipientsById, recipientsForCountry } from "@/lib/campaigns/recipients";

export type TLetterComposerProps = {
  campaign: TComposeCampaign;
  pageLanguage: TLanguage;
  messages: Pick<TMessages, "letter" | "validation" | "send" | "email">;
  countries: { code: string; name: string }[];
  templates: TTemplateRow[];
  /** The server's date, so the preview and the PDF agree. */
  today: string;
  /** Say, once the supporter's country is Kazakhstan, what writing can cost there (pages in ru/kk say it always). */
  warnKazakhstan?: boolean;
};

export function LetterComposer(props: TLetterComposerProps) {
  return (
    <IntlProvider locale={props.pageLanguage} messages={props.messages as TMessages} timeZone="UTC">
      <ComposerForm {...props} />
    </IntlProvider>
  );
}

function ComposerForm({ campaign, countries, templates, today, warnKazakhstan = false }: TLetterComposerProps) {
  const t = useTranslations("letter");
  const tSend = useTranslations("send");
  const tRoot = useTranslations();
  const router = useRouter();
  const schema = useMemo(
    () =>
      actionInputSchemaFor({
        slug: campaign.slug,
        recipientIds: recipientOrder(campaign),
        languages: campaign.languages,
      }),
    [campaign],
  );
  const officials = useMemo(() => recipientsById(campaign), [campaign]);
  const preselected = campaign.audiences.flatMap((a) => a.recipients.filter((r) => r.preselected).map((r) => r.id));
  const defaults: TActionInputForm = {
    campaign: campaign.slug,
    language: undefined,
    supporter: { name: "", email: "", city: "", country: "", address: "" },
    signAs: "full",
    personalNote: "",
    recipients: preselected,
    delivery: preselected.some((id) => officials.get(id)?.channels.includes("email")) ? "email" : "post",
    consent: { updates: false },
  };
  const form = useForm<TActionInputForm, unknown, TActionInput>({
    resolver: zodResolver(schema),
    defaultValues: defaults,
    mode: "onTouched",
  });
  const { register, control, formState, setError } = form;
  const persisted = usePersistedForm(form, `urgent-letters:${campaign.slug}`, () => {
    // What was kept may name an official the campaign no longer lists: drop it rather than show an error no
    // checkbox can fix.
    const kept = form.getValues("recipients") ?? [];
    const known = kept.filter((id) => officials.has(id));
    if (known.length !== kept.length) form.setValue("recipients", known);
  });
  const values = useWatch({ control }) as TActionInputForm;
  const [submitting, setSubmitting] = useState(false);
  const [sendError, setSendError] = useState<string>();
  const [sentTo, setSentTo] = useState<{ email: string; thanksUrl: string; hasPost: boolean }>();
  // The country whose officials were last ticked for the supporter, to say why the choice changed.
  const [servedCountry, setServedCountry] = useState<string>();
  const countryNames = useMemo(() => new Map(countries.map((c) => [c.code, c.name])), [countries]);
  const chooseForCountry = (country: string) => {
    if (!country) return;
    const current = form.getValues("recipients") ?? [];
    const next = recipientsForCountry(campaign, current, country);
    const touchesAny = campaign.audiences.some((a) => a.recipients.some((r) => r.servesCountries.length > 0));
    if (!touchesAny) return;
    form.setValue("recipients", next, { shouldDirty: true, shouldValidate: formState.submitCount > 0 });
    setServedCountry(country);
  };
  // One key per submission: a double click or a retry after a lost answer never creates a second action.
  const idempotencyKey = useRef<{ key: string; body: string } | undefined>(undefined);
  const chosen = (values.recipients ?? []).filter(Boolean) as string[];
  const emailPossible = chosen.some((id) => officials.get(id)?.channels.includes("email"));
  const postOnlyCount = chosen.filter((id) => !officials.get(id)?.channels.includes("email")).length;
  const delivery: TDelivery = values.delivery === "post" || !emailPossible ? "post" : (values.delivery ?? "post");

  async function send(input: TActionInput) {
    let done = false;
    setSubmitting(true);
    setSendError(undefined);
    const body = JSON.stringify({ ...input, delivery });
    // The same letters keep their key (a double click, a retry after a lost answer); changed letters get a new one.
    if (idempotencyKey.current?.body !== body) idempotencyKey.current = { key: crypto.randomUUID(), body };
    try {
      const response = await fetch("/api/v1/actions", {
        method: "POST",
        headers: { "content-type": "application/json", "idempotency-key": idempotencyKey.current.key },
        body,
      });
      if (response.status === 202) {
        const { id } = (await response.json()) as { id: string };
        persisted.clear();
        const thanksUrl = `/c/${campaign.slug}/thanks?action=${id}`;
        if (delivery === "email") setSentTo({ email: input.supporter.email, thanksUrl, hasPost: postOnlyCount > 0 });
        else router.push(thanksUrl);
        // The button stays busy while the next page loads: a second click must not send again.
        done = true;
        return;
      }
      if (response.status === 422) {
        const problem = (await response.json()) as { errors?: { path: string; message: string }[] };
        for (const e of problem.errors ?? []) setError(e.path as "supporter.name", { message: e.message });
        setSendError(problem.errors?.find((e) => e.path === "delivery")?.message ?? t("pdfFixFields"));
        return;
      }
      setSendError(response.status === 429 ? tSend("tooMany") : tSend("failed"));
    } catch {
      setSendError(tSend("failed"));
    } finally {
      if (!done) setSubmitting(false);
    }
  }

  const errors = formState.errors;
  const message = (key: string | undefined) => (key ? (key.startsWith("validation.") ? tRoot(key as "validation.required") : key) : undefined);

  const date = useMemo(() => new Date(today), [today]);
  const letters = useMemo(() => {
    const chosen = (values.recipients ?? []).filter(Boolean);
    if (chosen.length === 0) return [];
    return composeLetters(
      campaign,
      templates,
      {
        campaign: campaign.slug,
        language: values.language || undefined,
        supporter: {
          name: values.supporter?.name?.trim() || t("placeholderName"),
          email: "",
          city: values.supporter?.city?.trim() || t("placeholderCity"),
          country: values.supporter?.country ?? "",
        },
        signAs: values.signAs,
        personalNote: values.personalNote,
        recipients: chosen,
      },
      date,
    );
  }, [campaign, templates, values, date, t]);

  const noteLength = (values.personalNote ?? "").length;
  const errorCount = Object.keys(formState.errors).length;

  if (sentTo) {
    return (
      <div className="sent-panel" role="status">
        <h3>{tSend("checkEmailTitle")}</h3>
        <p>{tSend("checkEmail", { email: sentTo.email })}</p>
        {sentTo.hasPost ? (
          <p>
            <a href={sentTo.thanksUrl}>{tRoot("email.postLetters")}</a>
          </p>
        ) : null}
      </div>
    );
  }

  return (
    <form
      className="composer"
      noValidate
      aria-label={t("stepDetails")}
      onSubmit={(event) => {
        void form.handleSubmit(send)(event);
      }}
    >
      <p className="muted small">
        {t("savedOnDevice")}{" "}
        <button
          type="button"
          className="link-button"
          onClick={() => {
            persisted.clear();
            form.reset(defaults);
          }}
        >
          {t("clear")}
        </button>
      </p>
      {formState.submitCount > 0 && errorCount > 0 ? (
        <p className="form-error" role="alert">
          {t("errorSummary", { count: errorCount })}
        </p>
      ) : null}

      <fieldset className="step">
        <legend>{t("stepDetails")}</legend>
        <Field label={t("name")} hint={t("nameHint")} error={message(errors.supporter?.name?.message)}>
          {(a) => <input {...a} {...register("supporter.name")} autoComplete="name" maxLength={200} />}
        </Field>
        <div className="check">
          <input
            id="sign-initials"
            type="checkbox"
            checked={values.signAs === "initials"}
            onChange={(e) => form.setValue("signAs", e.target.checked ? "initials" : "full", { shouldDirty: true })}
            aria-describedby="sign-initials-hint"
          />
          <label htmlFor="sign-initials">{t("signInitials")}</label>
          <p id="sign-initials-hint" className="field__hint">
            {t("signInitialsHint")}
          </p>
        </div>
        <Field label={t("email")} hint={t("emailHint")} error={message(errors.supporter?.email?.message)}>
          {(a) => <input {...a} {...register("supporter.email")} type="email" autoComplete="email" inputMode="email" />}
        </Field>
        <div className="field-row">
          <Field label={t("city")} error={message(errors.supporter?.city?.message)}>
            {(a) => <input {...a} {...register("supporter.city")} autoComplete="address-level2" />}
          </Field>
          <Field label={t("country")} error={message(errors.supporter?.country?.message)}>
            {(a) => (
              <select {...a} {...register("supporter.country", { onChange: (e: { target: { value: string } }) => chooseForCountry(e.target.value) })} autoComplete="country">
                <option value="">{t("countryChoose")}</option>
                {countries.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.name}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        {warnKazakhstan && values.supporter?.country === "KZ" ? (
          <p className="note note--safety" role="note" data-testid="safety-kz">
            {t("safetyKz")}
          </p>
        ) : null}
        <Field label={t("address")} hint={t("addressHint")} error={message(errors.supporter?.address?.message)}>
          {(a) => <textarea {...a} {...register("supporter.address")} rows={3} autoComplete="street-address" />}
        </Field>
      </fieldset>

      <fieldset className="step">
        <legend>{t("stepRecipients")}</legend>
        <p className="field__hint">{t("recipientsHint")}</p>
        <p className="field__hint" aria-live="polite" data-testid="served-note">
          {servedCountry ? t("servedTicked", { country: countryNames.get(servedCountry) ?? servedCountry }) : null}
        </p>
        <Controller
          control={control}
          name="recipients"
          render={({ field }) => (
            <RecipientPicker
              campaign={campaign}
              countryNames={countryNames}
              value={field.value ?? []}
              onChange={(next) => field.onChange(next)}
              onBlur={field.onBlur}
              error={message(
                errors.recipients?.message ??
                  errors.recipients?.root?.message ??
                  (Array.isArray(errors.recipients) ? errors.recipients.find((e) => e?.message)?.message : undefined),
              )}
            />
          )}
        />
      </fieldset>

      <fieldset className="step">
        <legend>{t("stepLetter")}</legend>
        <Field label={t("language")} error={message(errors.language?.message)}>
          {(a) => (
            <select {...a} {...register("language", { setValueAs: (v: string) => (v === "" ? undefined : v) })}>
              <option value="">{t("languageDefault")}</option>
              {campaign.languages.map((l) => (
                <option key={l} value={l} lang={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          label={t("personalNote")}
          hint={t("personalNoteHint")}
          error={message(errors.personalNote?.message)}
          extra={
            <p className={`counter-small${noteLength > PERSONAL_NOTE_MAX ? " over" : ""}`} aria-live="polite" data-testid="note-counter">
              {t("counter", { count: noteLength, max: PERSONAL_NOTE_MAX })}
            </p>
          }
        >
          {(a) => <textarea {...a} {...register("personalNote")} rows={5} />}
        </Field>
      </fieldset>

      <section className="step" aria-labelledby="preview-heading">
        <h3 id="preview-heading">{t("stepPreview")}</h3>
        <p className="field__hint">{t("previewHint")}</p>
        <LetterPreview campaign={campaign} letters={letters} />
        <PdfPreview
          version={JSON.stringify(values)}
          getInput={async () => {
            let input: TActionInput | undefined;
            await form.handleSubmit((valid) => {
              input = valid;
            })();
            return input;
          }}
          onFieldErrors={(fieldErrors) => {
            for (const e of fieldErrors) setError(e.path as "supporter.name", { message: e.message });
          }}
        />
      </section>

      <SendStep
        delivery={delivery}
        onDelivery={(d) => form.setValue("delivery", d, { shouldDirty: true })}
        emailPossible={emailPossible}
        postOnlyCount={postOnlyCount}
        consent={values.consent?.updates ?? false}
        onConsent={(on) => form.setValue("consent", { updates: on }, { shouldDirty: true })}
        submitting={submitting}
        error={sendError}
        unavailableHint={tRoot("validation.deliveryUnavailable")}
      />
    </form>
  );
}
