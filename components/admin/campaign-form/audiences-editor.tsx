"use client";
import { useFieldArray } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { LANGUAGE_NAMES, LANGUAGES, type TLanguage } from "@/lib/i18n/languages";
import { errorAt } from "../content-form/form-errors";
import { LocalizedInput, type TForm } from "../content-form/localized-input";
import { AudienceRecipients, type TDirectoryOption } from "./audience-recipients";

/** The campaign's audiences: who is written to, what is asked of them (per language), in which language by default. */
export function AudiencesEditor({
  form,
  languages,
  directory,
  savedAudienceIds,
  slug,
  disabled,
}: {
  form: TForm;
  languages: readonly TLanguage[];
  directory: TDirectoryOption[];
  savedAudienceIds: string[];
  slug?: string;
  disabled?: boolean;
}) {
  const { fields, append, remove } = useFieldArray({ control: form.control, name: "campaign.audiences", keyName: "fieldKey" });
  const errors = form.formState.errors;
  return (
    <div>
      {fields.map((audience, i) => {
        const base = `campaign.audiences.${i}`;
        // Letter templates and letters refer to a saved audience by its id, so it is fixed once saved (`audience.id`
        // is the value the entry started with; the form's own key lives in fieldKey).
        const saved = savedAudienceIds.includes(String((audience as { id?: unknown }).id ?? ""));
        return (
          <fieldset key={audience.fieldKey} className="entry" data-testid={`audience-${i}`}>
            <legend>Audience {i + 1}</legend>
            {errorAt(errors, base) ? (
              <p className="field__error" role="alert">
                {errorAt(errors, base)}
              </p>
            ) : null}
            <div className="admin-row">
              <Field label="Id" hint={saved ? "Fixed: letter templates and letters refer to it." : "Lowercase letters, digits and dashes"} error={errorAt(errors, `${base}.id`)}>
                {(props) => <input {...props} {...form.register(`${base}.id`)} readOnly={saved} disabled={disabled} />}
              </Field>
              <Field label="Default language" error={errorAt(errors, `${base}.defaultLanguage`)}>
                {(props) => (
                  <select {...props} {...form.register(`${base}.defaultLanguage`)} disabled={disabled}>
                    {LANGUAGES.map((l) => (
                      <option key={l} value={l}>
                        {LANGUAGE_NAMES[l]}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              {slug && saved ? (
                <p>
                  <a href={`/admin/campaigns/${slug}/templates`}>Letter templates</a>
                </p>
              ) : null}
            </div>
            <LocalizedInput form={form} path={`${base}.title`} label="Audience title" languages={languages} disabled={disabled} />
            <LocalizedInput form={form} path={`${base}.demands`} label="Demands" kind="lines" hint="One demand a line, in the order the letter lists them." languages={languages} disabled={disabled} />
            <AudienceRecipients form={form} index={i} directory={directory} disabled={disabled} />
            <button type="button" className="button button--quiet" disabled={disabled || fields.length === 1} onClick={() => remove(i)}>
              Remove audience {i + 1}
            </button>
          </fieldset>
        );
      })}
      <button type="button" className="button button--quiet" disabled={disabled} onClick={() => append({ id: "", title: { en: "" }, defaultLanguage: "en", recipients: [], demands: { en: [] } })}>
        Add an audience
      </button>
    </div>
  );
}
