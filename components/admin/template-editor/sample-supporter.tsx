"use client";
import { useMemo } from "react";
import { Field } from "@/components/ui/field";
import { recipientLabel } from "@/lib/campaigns/recipients";
import { LANGUAGE_NAMES, LANGUAGES, type TLanguage } from "@/lib/i18n/languages";
import type { TComposeRecipient } from "@/lib/letters/compose-letters";
import { countryOptions } from "@/lib/schemas/countries";
import type { TPreviewSample } from "@/lib/schemas/template-preview";

/**
 * The sample supporter the preview writes for. The language is the template's own: choosing another opens that
 * language's editor (the sample is kept for the session, so it follows).
 */
export function SampleSupporter({
  sample,
  onChange,
  recipients,
  language,
  languageHref,
  errors,
}: {
  sample: TPreviewSample;
  onChange(sample: TPreviewSample): void;
  recipients: TComposeRecipient[];
  language: TLanguage;
  languageHref(language: TLanguage): string;
  errors: Record<string, string>;
}) {
  const countries = useMemo(() => countryOptions("en"), []);
  const set = <K extends keyof TPreviewSample>(key: K, value: TPreviewSample[K]) => onChange({ ...sample, [key]: value });
  return (
    <fieldset className="template-sample">
      <legend>Sample supporter</legend>
      <div className="template-sample__grid">
        <Field label="Name" error={errors["sample.name"]}>
          {(props) => <input {...props} value={sample.name} onChange={(e) => set("name", e.target.value)} />}
        </Field>
        <Field label="Signs with" error={errors["sample.signAs"]}>
          {(props) => (
            <select {...props} value={sample.signAs} onChange={(e) => set("signAs", e.target.value as TPreviewSample["signAs"])}>
              <option value="full">full name</option>
              <option value="initials">initials</option>
            </select>
          )}
        </Field>
        <Field label="City" error={errors["sample.city"]}>
          {(props) => <input {...props} value={sample.city} onChange={(e) => set("city", e.target.value)} />}
        </Field>
        <Field label="Country" error={errors["sample.country"]}>
          {(props) => (
            <select {...props} value={sample.country} onChange={(e) => set("country", e.target.value)}>
              {countries.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Recipient" error={errors["sample.recipientId"]}>
          {(props) => (
            <select {...props} value={sample.recipientId} onChange={(e) => set("recipientId", e.target.value)}>
              {recipients.map((r) => (
                <option key={r.id} value={r.id}>
                  {recipientLabel(r, language)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label="Language" hint="Opens the letter in that language.">
          {(props) => (
            <select {...props} value={language} onChange={(e) => window.location.assign(languageHref(e.target.value as TLanguage))}>
              {LANGUAGES.map((l) => (
                <option key={l} value={l}>
                  {LANGUAGE_NAMES[l]}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <Field label="Personal note" error={errors["sample.personalNote"]}>
        {(props) => <textarea {...props} rows={3} value={sample.personalNote} onChange={(e) => set("personalNote", e.target.value)} />}
      </Field>
    </fieldset>
  );
}
