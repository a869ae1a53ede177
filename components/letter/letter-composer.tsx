"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useActionState, useEffect, useMemo, useRef, useState, useSyncExternalStore } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { IntlProvider, useTranslations } from "use-intl";
import { Field } from "@/components/ui/field";
import { LANGUAGE_NAMES, type TLanguage } from "@/lib/i18n/languages";
import type { TMessages } from "@/lib/i18n/messages";
import { composeLetters, defaultLetterLanguage, type TComposeCampaign, type TTemplateRow } from "@/lib/letters/compose-letters";
import { actionInputSchemaFor, type TActionInput, type TActionInputForm, type TDelivery } from "@/lib/schemas/action-input";
import { PERSONAL_NOTE_MAX, letterInputSchemaFor } from "@/lib/schemas/letter-input";
import { LetterPreview } from "./letter-preview";
import { PdfPreview } from "./pdf-preview";
import { RecipientPicker } from "./recipient-picker";
import { SendStep } from "./send-step";
import { draftKey, usePersistedForm } from "./use-persisted-form";
import { useBotProof } from "./use-bot-proof";
import { FORM_STAMP_FIELD, TRAP_FIELD } from "@/lib/bot-check/form-fields";
import { sendLetters } from "@/app/(site)/c/[slug]/send-letters";
import type { TSendState } from "@/lib/actions/send-state";
import { actionInputFromForm } from "@/lib/actions/action-input-from-form";
import { recipientOrder, recipientsById, recipientsForCountry } from "@/lib/campaigns/recipients";

export type TLetterComposerProps = {
  campaign: TComposeCampaign;
  pageLanguage: TLanguage;
  messages: Pick<TMessages, "letter" | "validation" | "send" | "email" | "journey">;
  countries: { code: string; name: string }[];
  /** The letter templates the letters can be written from: on the page, those of the language they start in. */
  templates: TTemplateRow[];
  /** The server's date, so the preview and the PDF agree. */
  today: string;
  /** Say, once the supporter's country is Kazakhstan, what writing can cost there (pages in ru/kk say it always). */
  warnKazakhstan?: boolean;
  /** Written into the page for a submission without JavaScript: the same page sent twice makes one action. */
  formKey: string;
  /** The bot check of a submission without JavaScript (lib/bot-check/stamp-form.ts): when this form was shown, signed. */
  formStamp: string;
  /** The organisation running the site (ORGANISATION_NAME): it would send the news a supporter asks for. */
  organisation: string;
  /**
   * Where the result of sending opens (its `action` and `lang` are added): the case page's thank-you page unless
   * given; the partner embed's own inside its frame (app/embed/[slug]/thanks), with the embed's query.
   */
  resultPath?: string;
  /** On a partner's embed: the letters are attributed to it, and "<partner> may contact me" is offered, unticked. */
  partner?: { code: string; consentLabel: string };
};

/** Handed over by lazy-composer.tsx: what the page's form held, and the fields the supporter had already left. */
type TCarried = { typed?: Record<string, FormDataEntryValue[]>; left?: string[] };

export function LetterComposer(props: TLetterComposerProps & TCarried) {
  return (
    <IntlProvider locale={props.pageLanguage} messages={props.messages as TMessages} timeZone="UTC">
      <ComposerForm {...props} />
    </IntlProvider>
  );
}

function ComposerForm({
  campaign,
  countries,
  templates,
  today,
  pageLanguage,
  formKey,
  formStamp,
  organisation,
  resultPath,
  partner,
  typed,
  left,
  warnKazakhstan = false,
}: TLetterComposerProps & TCarried) {
  const t = useTranslations("letter");
  const tSend = useTranslations("send");
  const tRoot = useTranslations();
  const schema = useMemo(
    () =>
      actionInputSchemaFor({
        slug: campaign.slug,
        recipientIds: recipientOrder(campaign),
        languages: campaign.languages,
      }),
    [campaign],
  );
  const letterSchema = useMemo(
    () => letterInputSchemaFor({ slug: campaign.slug, recipientIds: recipientOrder(campaign), languages: campaign.languages }),
    [campaign],
  );
  const officials = useMemo(() => recipientsById(campaign), [campaign]);
  const preselected = campaign.audiences.flatMap((a) => a.recipients.filter((r) => r.preselected).map((r) => r.id));
  // Without JavaScript the form posts to this server action, and the page comes back with what was typed and the
  // messages of the bad fields; with JavaScript the form posts itself (send, below) and the state stays empty.
  const [serverState, formAction] = useActionState<TSendState, FormData>(sendLetters, {});
  const defaults: TActionInputForm = {
    campaign: campaign.slug,
    // Letters are in the page's language wherever the audience has a template in it (composeLetters falls back to
    // each audience's own language elsewhere).
    language: defaultLetterLanguage(campaign, pageLanguage),
    supporter: { name: "", email: "", city: "", country: "", address: "" },
    signAs: "full",
    personalNote: "",
    recipients: preselected,
    delivery: preselected.some((id) => officials.get(id)?.channels.includes("email")) ? "email" : "post",
    consent: partner ? { updates: false, partner: false } : { updates: false },
    ...(partner ? { partner: partner.code } : {}),
  };
  // What the page's form held before this composer took it over (lazy-composer.tsx), or what the server sent back.
  const carried = typed ? actionInputFromForm(formDataOf(typed)) : serverState.values;
  const carriedInitial: TActionInputForm = carried ? { ...defaults, ...carried } : defaults;
  // A country chosen in the page's form before this composer took it over: its officials are ticked as if it had been
  // chosen here (once, at takeover; what the supporter ticks afterwards stands).
  const countryMatters = campaign.audiences.some((a) => a.recipients.some((r) => r.servesCountries.length > 0));
  const takenOverCountry = typed && countryMatters ? carriedInitial.supporter?.country : undefined;
  const initial: TActionInputForm = takenOverCountry
    ? { ...carriedInitial, recipients: recipientsForCountry(campaign, (carriedInitial.recipients ?? []).filter(Boolean) as string[], takenOverCountry) }
    : carriedInitial;
  const form = useForm<TActionInputForm, unknown, TActionInput>({
    resolver: zodResolver(schema),
    defaultValues: initial,
    mode: "onTouched",
  });
  const { register, control, formState, setError } = form;
  const persisted = usePersistedForm(form, draftKey(campaign.slug), () => {
    // What was kept may name an official the campaign no longer lists: drop it rather than show an error no
    // checkbox can fix.
    const kept = form.getValues("recipients") ?? [];
    const known = kept.filter((id) => officials.has(id));
    if (known.length !== kept.length) form.setValue("recipients", known);
  });
  const values = useWatch({ control }) as TActionInputForm;
  const [submitting, setSubmitting] = useState(false);
  const [sendError, setSendError] = useState<string>();
  // The country whose officials were last ticked for the supporter, to say why the choice changed.
  const [servedCountry, setServedCountry] = useState<string | undefined>(takenOverCountry || undefined);
  const countryNames = useMemo(() => new Map(countries.map((c) => [c.code, c.name])), [countries]);
  const chooseForCountry = (country: string) => {
    if (!country) return;
    const current = form.getValues("recipients") ?? [];
    const next = recipientsForCountry(campaign, current, country);
    if (!countryMatters) return;
    form.setValue("recipients", next, { shouldDirty: true, shouldValidate: formState.submitCount > 0 });
    setServedCountry(country);
  };
  // One key per submission: a double click or a retry after a lost answer never creates a second action.
  const idempotencyKey = useRef<{ key: string; body: string } | undefined>(undefined);
  // Solved in the background from now on, so that Send does not wait for it.
  const botProof = useBotProof();
  const chosen = (values.recipients ?? []).filter(Boolean) as string[];
  const emailPossible = chosen.some((id) => officials.get(id)?.channels.includes("email"));
  const postOnlyCount = chosen.filter((id) => !officials.get(id)?.channels.includes("email")).length;
  const delivery: TDelivery = values.delivery === "post" || !emailPossible ? "post" : (values.delivery ?? "post");

  async function send(input: TActionInput) {
    let done = false;
    setSubmitting(true);
    setSendError(undefined);
    const letters = JSON.stringify({ ...input, delivery });
    // The same letters keep their key (a double click, a retry after a lost answer); changed letters get a new one.
    if (idempotencyKey.current?.body !== letters) idempotencyKey.current = { key: crypto.randomUUID(), body: letters };
    const post = async () => {
      const proof = await botProof.get();
      if (!proof) return undefined;
      return fetch("/api/v1/actions", {
        method: "POST",
        // Accept-Language: the confirmation email and the pages after this one speak the language of this page.
        headers: { "content-type": "application/json", "idempotency-key": idempotencyKey.current!.key, "accept-language": pageLanguage },
        body: JSON.stringify({ ...input, delivery, botCheck: proof }),
      });
    };
    try {
      let response = await post();
      let problem: { errors?: { path: string; code?: string; message: string }[] } | undefined;
      if (response?.status === 422) {
        problem = (await response.json()) as typeof problem;
        // The bot check was spent (a Send that was answered 429, say) or ran out: solved anew and sent once more,
        // without the supporter having to do anything.
        if (problem?.errors?.some((e) => e.path === "botCheck")) {
          botProof.renew();
          response = await post();
          problem = response?.status === 422 ? ((await response.json()) as typeof problem) : undefined;
        }
      }
      if (response?.status === 202) {
        const { id } = (await response.json()) as { id: string };
        persisted.clear();
        // The result is a page of its own (check your email, the mailto links, or the PDFs to post), in the language
        // of this page whatever the browser prefers: reload and Back behave, and it opens at its top.
        // A full page load: the result page is rendered anew, header and language switch included.
        window.location.assign(resultAddress(resultPath ?? `/c/${campaign.slug}/thanks`, id, pageLanguage));
        // The button stays busy while the next page loads: a second click must not send again.
        done = true;
        return;
      }
      // Whatever else happened, the proof may be spent: the next one is solved while the supporter reads why.
      if (response && response.status !== 422) botProof.renew();
      const fieldErrors = (problem?.errors ?? []).filter((e) => e.path !== "botCheck");
      if (fieldErrors.length > 0) {
        // The codes are message keys: shown in this page's language, not the API's English.
        for (const e of fieldErrors) setError(e.path as "supporter.name", { message: e.code ?? e.message });
        const deliveryError = fieldErrors.find((e) => e.path === "delivery");
        setSendError(deliveryError ? message(deliveryError.code ?? deliveryError.message) : tRoot("journey.fixFields"));
        return;
      }
      if (response?.status === 409) {
        // A campaign that stopped taking letters meanwhile, or one in test mode: its code says which.
        const conflict = ((await response.json()) as typeof problem)?.errors?.[0]?.code;
        if (conflict?.startsWith("validation.")) return setSendError(message(conflict));
      }
      setSendError(response?.status === 429 ? tSend("tooMany") : tSend("failed"));
    } catch {
      setSendError(tSend("failed"));
    } finally {
      if (!done) setSubmitting(false);
    }
  }

  const message = (key: string | undefined) => (key ? (key.startsWith("validation.") ? tRoot(key as "validation.required") : key) : undefined);
  // The server's refusal of a form posted without JavaScript: shown as the page is rendered, and handed to the form
  // once it runs, so each message stays next to its field until the field is fixed.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  useEffect(() => {
    for (const e of serverState.errors ?? []) setError(e.path as "supporter.name", { message: e.code });
  }, [serverState, setError]);
  // Fields left before this composer took over are checked as leaving them checks them (mode onTouched).
  useEffect(() => {
    const names = (left ?? []).filter((name) => name.startsWith("supporter.") || name === "personalNote") as "supporter.name"[];
    // Touched as well as checked: the message then goes away as soon as the field is put right, as it would have.
    for (const name of names) form.setValue(name, form.getValues(name), { shouldTouch: true, shouldValidate: true });
    // Once, for what was handed over.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  const serverErrors = hydrated ? {} : errorTree(serverState.errors ?? []);
  const errors = { ...serverErrors, ...formState.errors } as typeof formState.errors;

  // The page carries the templates of the language the letters start in; a refusal of the form posted without
  // JavaScript brings those of the language chosen (the live composer gets them all: lazy-composer.tsx).
  const knownTemplates = useMemo(() => (serverState.templates ? [...templates, ...serverState.templates] : templates), [templates, serverState.templates]);
  const date = useMemo(() => new Date(today), [today]);
  const letters = useMemo(() => {
    const chosen = (values.recipients ?? []).filter(Boolean);
    if (chosen.length === 0) return [];
    return composeLetters(
      campaign,
      knownTemplates,
      {
        campaign: campaign.slug,
        language: values.language || undefined,
        supporter: {
          name: values.supporter?.name?.trim() || t("placeholderName"),
          email: "",
          city: values.supporter?.city?.trim() || t("placeholderCity"),
          // A placeholder, never an empty string: the letter must not read "from Cork, ." before a country is chosen.
          country: values.supporter?.country || tRoot("journey.placeholderCountry"),
        },
        signAs: values.signAs,
        personalNote: values.personalNote,
        recipients: chosen,
      },
      date,
    );
  }, [campaign, knownTemplates, values, date, t, tRoot]);

  const noteLength = (values.personalNote ?? "").length;
  // The fields marked, one by one (the supporter's name, email and city are three, not one "supporter").
  const errorCount = countErrors(errors);
  const showSummary = (formState.submitCount > 0 || (!hydrated && (serverState.errors?.length ?? 0) > 0)) && errorCount > 0;

  return (
    <form
      className="composer"
      noValidate
      aria-label={t("stepDetails")}
      // Without JavaScript the browser posts the form to the server action (never a GET: nothing typed goes into an
      // address); with it, handleSubmit prevents that and sends the letters itself.
      action={formAction}
      onSubmit={(event) => {
        void form.handleSubmit(send)(event);
      }}
    >
      <input type="hidden" name="campaign" value={campaign.slug} />
      <input type="hidden" name="pageLanguage" value={pageLanguage} />
      <input type="hidden" name="idempotencyKey" value={formKey} />
      {resultPath ? <input type="hidden" name="resultPath" value={resultPath} /> : null}
      {partner ? <input type="hidden" name="partner" value={partner.code} /> : null}
      {/* The bot check without JavaScript (app/(site)/c/[slug]/send-letters.ts): the stamp of when this form was shown
          (the one handed back with a refusal, whose time keeps counting), and below, the trap. */}
      <input type="hidden" name={FORM_STAMP_FIELD} value={serverState.formStamp ?? formStamp} />
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
      {showSummary ? (
        <p className="form-error" role="alert" data-testid="error-summary">
          {t("errorSummary", { count: errorCount })}
        </p>
      ) : null}
      {serverState.formError && !hydrated ? (
        <p className="form-error" role="alert">
          {tRoot(serverState.formError)}
        </p>
      ) : null}

      <fieldset className="step" data-step="details">
        <legend>{t("stepDetails")}</legend>
        <Field label={t("name")} hint={t("nameHint")} error={message(errors.supporter?.name?.message)}>
          {(a) => <input {...a} {...register("supporter.name")} defaultValue={initial.supporter?.name} autoComplete="name" maxLength={200} />}
        </Field>
        <div className="check">
          <input
            id="sign-initials"
            type="checkbox"
            name="signAs"
            value="initials"
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
          {(a) => (
            <input {...a} {...register("supporter.email")} defaultValue={initial.supporter?.email} type="email" autoComplete="email" inputMode="email" />
          )}
        </Field>
        <div className="field-row">
          <Field label={t("city")} error={message(errors.supporter?.city?.message)}>
            {(a) => <input {...a} {...register("supporter.city")} defaultValue={initial.supporter?.city} autoComplete="address-level2" />}
          </Field>
          <Field label={t("country")} error={message(errors.supporter?.country?.message)}>
            {(a) => (
              <select
                {...a}
                {...register("supporter.country", { onChange: (e: { target: { value: string } }) => chooseForCountry(e.target.value) })}
                defaultValue={initial.supporter?.country}
                autoComplete="country"
              >
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
          {(a) => <textarea {...a} {...register("supporter.address")} defaultValue={initial.supporter?.address} rows={3} autoComplete="street-address" />}
        </Field>
      </fieldset>

      <fieldset className="step" data-step="recipients">
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

      <fieldset className="step" data-step="letter">
        <legend>{t("stepLetter")}</legend>
        <Field label={t("language")} error={message(errors.language?.message)}>
          {(a) => (
            <select {...a} {...register("language", { setValueAs: (v: string) => (v === "" ? undefined : v) })} defaultValue={initial.language ?? ""}>
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
          {(a) => <textarea {...a} {...register("personalNote")} defaultValue={initial.personalNote} rows={5} />}
        </Field>
      </fieldset>

      <section className="step" aria-labelledby="preview-heading" data-step="preview">
        <h3 id="preview-heading">{t("stepPreview")}</h3>
        <p className="field__hint">{t("previewHint")}</p>
        <LetterPreview campaign={campaign} letters={letters} />
        <PdfPreview
          version={JSON.stringify(values)}
          getInput={async () => {
            // The letter input's own schema: a PDF to look at needs no email address, whatever the way of sending.
            const parsed = letterSchema.safeParse(form.getValues());
            if (parsed.success) return parsed.data;
            for (const issue of parsed.error.issues) setError(issue.path.join(".") as "supporter.name", { message: issue.message });
            return undefined;
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
        onConsent={(on) => form.setValue("consent.updates", on, { shouldDirty: true })}
        partnerConsent={
          partner ? { label: partner.consentLabel, checked: values.consent?.partner ?? false, onChange: (on) => form.setValue("consent.partner", on, { shouldDirty: true }) } : undefined
        }
        submitting={submitting}
        error={sendError}
        unavailableHint={tRoot("validation.deliveryUnavailable")}
        organisation={organisation}
      />
      {/* The trap: out of sight, out of the tab order, hidden from screen readers and from autofill. People leave it
          empty; a program that fills in every field it finds does not. */}
      <div className="trap" aria-hidden="true">
        <label htmlFor="composer-website">{t("trapLabel")}</label>
        <input id="composer-website" type="text" name={TRAP_FIELD} tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
    </form>
  );
}

/** The result page's address for an action: `path` with the action and the page's language added to its query. */
function resultAddress(path: string, actionId: string, language: TLanguage): string {
  return `${path}${path.includes("?") ? "&" : "?"}action=${actionId}&lang=${language}`;
}

function formDataOf(entries: Record<string, FormDataEntryValue[]>): FormData {
  const data = new FormData();
  for (const [name, values] of Object.entries(entries)) for (const value of values) data.append(name, value);
  return data;
}

/** "Is the page running?" never changes once it is: nothing to subscribe to. */
const noSubscription = () => () => {};

/** Server field errors ({path: "supporter.email", code}) in the shape react-hook-form keeps its errors. */
function errorTree(list: { path: string; code: string }[]): Record<string, unknown> {
  const tree: Record<string, unknown> = {};
  for (const { path, code } of list) {
    const parts = path.split(".");
    let node = tree;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[parts.at(-1)!] ??= { message: code };
  }
  return tree;
}

/** How many fields carry a message: the leaves of react-hook-form's error tree (an array of recipients is one). */
function countErrors(node: unknown): number {
  if (!node || typeof node !== "object") return 0;
  if ("message" in node && typeof (node as { message: unknown }).message === "string") return 1;
  if (Array.isArray(node)) return node.some((n) => countErrors(n) > 0) ? 1 : 0;
  return Object.entries(node)
    // ref is the field's DOM element, not a message.
    .filter(([key]) => key !== "ref" && key !== "types")
    .reduce((sum, [, child]) => sum + countErrors(child), 0);
}
