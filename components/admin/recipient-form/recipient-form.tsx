"use client";
import { useState } from "react";
import { Controller, useForm, useWatch, type FieldValues } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { ZRecipientDoc, type TRecipientDoc } from "@/lib/content/docs";
import { LANGUAGE_NAMES, LANGUAGES, type TLanguage } from "@/lib/i18n/languages";
import { recipientWarnings } from "@/lib/recipients/recipient-warnings";
import { RECIPIENT_KINDS } from "@/lib/templates/recipient-kinds";
import { errorAt, flattenErrors } from "../content-form/form-errors";
import { LinesInput } from "../content-form/lines-input";
import { LocalizedInput } from "../content-form/localized-input";
import { ProblemSummary } from "../content-form/problem-summary";
import { prunedResolver } from "../content-form/pruned-resolver";
import { useSaveDoc } from "../content-form/use-save-doc";

const resolver = prunedResolver(ZRecipientDoc);

/**
 * A recipient of the directory, in the shape of its file (ZRecipientDoc validates it here and on the server). The
 * provenance is part of the form, not an afterthought: at least one source is required, and the day it was checked.
 */
export function RecipientForm({ initial, mode, canWrite, today }: { initial: TRecipientDoc; mode: "create" | "edit"; canWrite: boolean; today: string }) {
  const form = useForm<FieldValues>({ defaultValues: initial as unknown as FieldValues, resolver, reValidateMode: "onChange" });
  const [languages, setLanguages] = useState<TLanguage[]>(() => LANGUAGES.filter((l) => l === "en" || initial.salutation[l] || initial.role[l]));
  const { problem, attempt, saved, send, settle, refused } = useSaveDoc(form);
  const errors = form.formState.errors;
  const disabled = !canWrite;
  const [name, verifiedOn, emailCheck] = useWatch({ control: form.control, name: ["name", "verifiedOn", "emailCheck"] }) as [TRecipientDoc["name"], string | undefined, string | undefined];
  const perLanguage = typeof name === "object" && name !== null;
  // Shown while typing: a date that is not complete yet says nothing about staleness.
  const warnings = recipientWarnings({ verifiedOn: /^\d{4}-\d{2}-\d{2}$/.test(String(verifiedOn)) ? String(verifiedOn) : today, emailCheck }, new Date(`${today}T12:00:00Z`));

  async function save(values: FieldValues) {
    const doc = values as TRecipientDoc;
    const data = await send<{ id: string; version: number; changed: boolean }>(mode === "create" ? "/api/admin/recipients" : `/api/admin/recipients/${initial.id}`, mode === "create" ? "POST" : "PUT", doc);
    if (!data) return;
    if (mode === "create") {
      window.location.assign(`/admin/recipients/${data.id}?created=1`);
      return;
    }
    settle(data.changed ? `Saved: published as version ${data.version}.` : "Nothing had changed: no new version.");
  }

  return (
    <form
      className="content-form"
      noValidate
      method="post"
      action="#"
      aria-label={mode === "create" ? "New recipient" : `Edit ${initial.id}`}
      onSubmit={form.handleSubmit(save, refused)}
    >
      <ProblemSummary problem={problem} clientErrors={problem ? [] : flattenErrors(errors)} attempt={attempt} />
      {warnings.length ? (
        <ul className="warning-list" data-testid="recipient-warnings">
          {warnings.map((w) => (
            <li key={w.code}>{w.message}</li>
          ))}
        </ul>
      ) : null}

      <fieldset className="language-picker">
        <legend>Languages to edit</legend>
        {LANGUAGES.map((l) => (
          <label key={l}>
            <input type="checkbox" checked={languages.includes(l)} disabled={l === "en"} onChange={(e) => setLanguages(LANGUAGES.filter((x) => (x === l ? e.target.checked : languages.includes(x))))} />{" "}
            {LANGUAGE_NAMES[l]}
          </label>
        ))}
        <p className="field__hint">Give the salutation in every language this recipient&apos;s letters are written in.</p>
      </fieldset>

      <section className="form-section" aria-labelledby="r-who">
        <h2 id="r-who">Who</h2>
        <div className="admin-row">
          <Field label="Id" hint={mode === "create" ? "Lowercase letters, digits and dashes, e.g. ca-minister-foreign-affairs. Fixed once created." : "Fixed: campaigns refer to it."} error={errorAt(errors, "id")}>
            {(props) => <input {...props} {...form.register("id")} readOnly={mode === "edit"} disabled={disabled} />}
          </Field>
          <Field label="Kind" hint="Decides what a letter may ask of them" error={errorAt(errors, "kind")}>
            {(props) => (
              <select {...props} {...form.register("kind")} disabled={disabled}>
                <option value="">Choose…</option>
                {RECIPIENT_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {k}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Country" hint="ISO code, e.g. KZ" error={errorAt(errors, "country")}>
            {(props) => <input {...props} {...form.register("country", { setValueAs: (v: unknown) => String(v ?? "").trim().toUpperCase() })} className="input--short" maxLength={2} disabled={disabled} />}
          </Field>
        </div>
        <LocalizedInput form={form} path="role" label="Role" languages={languages} disabled={disabled} />
        <fieldset className="entry">
          <legend>Name</legend>
          <label>
            <input
              type="checkbox"
              checked={perLanguage}
              disabled={disabled}
              onChange={(e) => form.setValue("name", e.target.checked ? { en: typeof name === "string" ? name : "" } : ((name as Record<string, string> | undefined)?.en ?? ""), { shouldDirty: true })}
            />{" "}
            A name per language (where a source gives it in the letter&apos;s script)
          </label>
          {perLanguage ? (
            <LocalizedInput form={form} path="name" label="Name" languages={languages} disabled={disabled} />
          ) : (
            <Field label="Name" hint="Leave empty when letters go to the office, not a person" error={errorAt(errors, "name")}>
              {(props) => <input {...props} {...form.register("name")} disabled={disabled} />}
            </Field>
          )}
        </fieldset>
        <LocalizedInput form={form} path="organisation" label="Organisation" languages={languages} disabled={disabled} />
        <LocalizedInput form={form} path="salutation" label="Salutation" hint="How a letter to them opens, e.g. “Dear Minister”" languages={languages} disabled={disabled} />
      </section>

      <section className="form-section" aria-labelledby="r-reach">
        <h2 id="r-reach">How letters reach them</h2>
        <fieldset className="entry">
          <legend>Channels</legend>
          <Controller
            control={form.control}
            name="channels"
            render={({ field }) => (
              <div className="admin-row">
                {(["email", "post"] as const).map((c) => (
                  <label key={c}>
                    <input
                      type="checkbox"
                      disabled={disabled}
                      checked={((field.value as string[] | undefined) ?? []).includes(c)}
                      onChange={(e) => field.onChange((["email", "post"] as const).filter((x) => (x === c ? e.target.checked : ((field.value as string[] | undefined) ?? []).includes(x))))}
                    />{" "}
                    {c === "email" ? "Email" : "Post"}
                  </label>
                ))}
              </div>
            )}
          />
          {errorAt(errors, "channels") ? (
            <p className="field__error" role="alert">
              {errorAt(errors, "channels")}
            </p>
          ) : null}
        </fieldset>
        <div className="admin-row">
          <Field label="Email" error={errorAt(errors, "email")}>
            {(props) => <input {...props} type="email" {...form.register("email")} disabled={disabled} />}
          </Field>
          <NeededBox form={form} name="emailCheck" label="The email needs checking" disabled={disabled} />
        </div>
        <div className="admin-row">
          <Field label="Address" hint="One line a line, as on the envelope" error={errorAt(errors, "address")}>
            {(props) => <Controller control={form.control} name="address" render={({ field }) => <LinesInput {...props} rows={4} value={field.value as string[] | undefined} onChange={field.onChange} onBlur={field.onBlur} disabled={disabled} />} />}
          </Field>
          <NeededBox form={form} name="addressCheck" label="The address needs checking" disabled={disabled} />
        </div>
        <div className="admin-row">
          <Field label="Envelope name" hint="When the envelope names them otherwise, e.g. with honours" error={errorAt(errors, "envelopeName")}>
            {(props) => <input {...props} {...form.register("envelopeName")} disabled={disabled} />}
          </Field>
          <Field label="Time zone" hint="IANA name, e.g. Asia/Almaty: letters arrive in office hours" error={errorAt(errors, "timeZone")}>
            {(props) => <input {...props} {...form.register("timeZone")} disabled={disabled} />}
          </Field>
          <Field label="Serves supporters from" hint="Country codes, separated by commas; the composer ticks them for supporters there" error={errorAt(errors, "servesCountries") ?? errorAt(errors, "servesCountries.0")}>
            {(props) => (
              <Controller
                control={form.control}
                name="servesCountries"
                render={({ field }) => (
                  <CountryListInput {...props} value={field.value as string[] | undefined} onChange={field.onChange} disabled={disabled} />
                )}
              />
            )}
          </Field>
        </div>
      </section>

      <section className="form-section" aria-labelledby="r-provenance">
        <h2 id="r-provenance">Where the details come from</h2>
        <Field label="Sources" hint="At least one: the document or page each detail was taken from, one a line" error={errorAt(errors, "source") ?? errorAt(errors, "source.0")}>
          {(props) => <Controller control={form.control} name="source" render={({ field }) => <LinesInput {...props} rows={4} value={field.value as string[] | undefined} onChange={field.onChange} onBlur={field.onBlur} disabled={disabled} />} />}
        </Field>
        <Field label="Verified on" hint="YYYY-MM-DD: the day the details were checked against the sources" error={errorAt(errors, "verifiedOn")}>
          {(props) => <input {...props} {...form.register("verifiedOn")} className="input--short" disabled={disabled} />}
        </Field>
        <Field label="Notes" error={errorAt(errors, "notes")}>
          {(props) => <textarea {...props} rows={3} {...form.register("notes")} disabled={disabled} />}
        </Field>
      </section>

      <div className="form-actions">
        <button type="submit" className="button" disabled={disabled || form.formState.isSubmitting}>
          {mode === "create" ? "Add to the directory" : "Save and publish"}
        </button>
        {disabled ? <p className="field__hint">You are signed in as a viewer: you can read everything, not save.</p> : null}
        <p role="status" data-testid="save-status">
          {saved}
        </p>
      </div>
    </form>
  );
}

function NeededBox({ form, name, label, disabled }: { form: ReturnType<typeof useForm<FieldValues>>; name: "emailCheck" | "addressCheck"; label: string; disabled: boolean }) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <label className="check-inline">
          <input type="checkbox" disabled={disabled} checked={field.value === "needed"} onChange={(e) => field.onChange(e.target.checked ? "needed" : undefined)} /> {label}
        </label>
      )}
    />
  );
}

function CountryListInput({ value, onChange, ...props }: Omit<React.InputHTMLAttributes<HTMLInputElement>, "value" | "onChange"> & { value: string[] | undefined; onChange: (v: string[] | undefined) => void }) {
  const [text, setText] = useState((value ?? []).join(", "));
  return (
    <input
      {...props}
      value={text}
      onChange={(e) => {
        setText(e.target.value);
        const codes = e.target.value.split(/[\s,;]+/).map((c) => c.trim().toUpperCase()).filter(Boolean);
        onChange(codes.length ? codes : undefined);
      }}
    />
  );
}
