"use client";
import { useState } from "react";
import { Controller, useWatch, type FieldValues, type UseFormReturn } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { LANGUAGE_NAMES, type TLanguage } from "@/lib/i18n/languages";
import { errorAt } from "./form-errors";
import { LinesInput } from "./lines-input";
import { MarkdownPreview } from "./markdown-preview";

export type TForm = UseFormReturn<FieldValues>;

/**
 * One text per language (English required, the others optional): one labelled input per language being edited.
 * `kind` picks the control: a line, a paragraph, Markdown with a preview beside it, or a list of lines.
 */
export function LocalizedInput({
  form,
  path,
  label,
  languages,
  kind = "line",
  hint,
  disabled,
}: {
  form: TForm;
  path: string;
  label: string;
  languages: readonly TLanguage[];
  kind?: "line" | "text" | "markdown" | "lines";
  hint?: string;
  disabled?: boolean;
}) {
  return (
    <div className="localized" role="group" aria-label={label}>
      {languages.map((language) => (
        <LanguageField key={language} form={form} path={`${path}.${language}`} label={`${label} (${LANGUAGE_NAMES[language]})`} language={language} kind={kind} hint={hint} disabled={disabled} />
      ))}
    </div>
  );
}

/** One language's input at a full path (content.fr.background), for texts whose language is not the last key. */
export function LanguageField({ form, path, label, language, kind, hint, disabled }: { form: TForm; path: string; label: string; language: TLanguage; kind: "line" | "text" | "markdown" | "lines"; hint?: string; disabled?: boolean }) {
  const [preview, setPreview] = useState(false);
  const value = useWatch({ control: form.control, name: path, disabled: kind !== "markdown" }) as unknown;
  const error = errorAt(form.formState.errors, path);
  if (kind === "lines") {
    return (
      <Field label={label} hint={hint ?? "One a line."} error={error}>
        {(props) => (
          <Controller
            control={form.control}
            name={path}
            render={({ field }) => <LinesInput {...props} name={field.name} value={field.value as string[] | undefined} onChange={field.onChange} onBlur={field.onBlur} disabled={disabled} lang={language} />}
          />
        )}
      </Field>
    );
  }
  return (
    <Field
      label={label}
      hint={hint}
      error={error}
      extra={
        kind === "markdown" ? (
          <>
            <button type="button" className="button button--quiet" aria-pressed={preview} onClick={() => setPreview(!preview)}>
              {preview ? "Hide preview" : "Show preview"}
            </button>
            {preview ? <MarkdownPreview text={typeof value === "string" ? value : ""} lang={language} /> : null}
          </>
        ) : null
      }
    >
      {(props) =>
        kind === "line" ? (
          <input {...props} {...form.register(path)} lang={language} disabled={disabled} />
        ) : (
          <textarea {...props} {...form.register(path)} lang={language} rows={kind === "markdown" ? 10 : 3} disabled={disabled} />
        )
      }
    </Field>
  );
}
