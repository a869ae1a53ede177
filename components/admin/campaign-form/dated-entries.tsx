"use client";
import { useFieldArray } from "react-hook-form";
import { Field } from "@/components/ui/field";
import type { TLanguage } from "@/lib/i18n/languages";
import { errorAt } from "../content-form/form-errors";
import { LocalizedInput, type TForm } from "../content-form/localized-input";

/**
 * Dated entries with their sources: the case's updates and the timeline. Each has a date as precise as its source
 * (YYYY, YYYY-MM, YYYY-MM-DD or START/END), its text per language and where the fact comes from.
 */
export function DatedEntries({ form, path, noun, languages, disabled }: { form: TForm; path: "campaign.updates" | "campaign.timeline"; noun: string; languages: readonly TLanguage[]; disabled?: boolean }) {
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: path });
  const listError = errorAt(form.formState.errors, path);
  return (
    <div>
      {listError ? (
        <p className="field__error" role="alert">
          {listError}
        </p>
      ) : null}
      <ol className="entry-list">
        {fields.map((entry, i) => (
          <li key={entry.id} className="entry" data-testid={`${noun}-${i}`}>
            <fieldset>
              <legend>
                {noun} {i + 1}
              </legend>
              <Field label="Date" hint="YYYY, YYYY-MM, YYYY-MM-DD, or START/END when the sources only bound it" error={errorAt(form.formState.errors, `${path}.${i}.date`)}>
                {(props) => <input {...props} {...form.register(`${path}.${i}.date`)} disabled={disabled} className="input--short" />}
              </Field>
              <LocalizedInput form={form} path={`${path}.${i}.text`} label="Text" kind="text" languages={languages} disabled={disabled} />
              <Field label="Source" hint="Documents or URLs the fact comes from, separated by “; ”" error={errorAt(form.formState.errors, `${path}.${i}.source`)}>
                {(props) => <input {...props} {...form.register(`${path}.${i}.source`)} disabled={disabled} />}
              </Field>
              <div className="admin-row">
                <button type="button" className="button button--quiet" disabled={disabled || i === 0} onClick={() => move(i, i - 1)}>
                  Move up<span className="visually-hidden"> {noun} {i + 1}</span>
                </button>
                <button type="button" className="button button--quiet" disabled={disabled || i === fields.length - 1} onClick={() => move(i, i + 1)}>
                  Move down<span className="visually-hidden"> {noun} {i + 1}</span>
                </button>
                <button type="button" className="button button--quiet" disabled={disabled} onClick={() => remove(i)}>
                  Remove<span className="visually-hidden"> {noun} {i + 1}</span>
                </button>
              </div>
            </fieldset>
          </li>
        ))}
      </ol>
      <button type="button" className="button button--quiet" disabled={disabled} onClick={() => append({ date: "", text: { en: "" }, source: "" })}>
        Add {noun.toLowerCase()}
      </button>
    </div>
  );
}
