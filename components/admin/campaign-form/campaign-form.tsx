"use client";
import { useState } from "react";
import { useForm, useWatch, type FieldValues } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { ZCampaignDoc, type TCampaignDoc } from "@/lib/content/docs";
import { LANGUAGE_NAMES, LANGUAGES, type TLanguage } from "@/lib/i18n/languages";
import { errorAt, flattenErrors } from "../content-form/form-errors";
import { LanguageField, LocalizedInput } from "../content-form/localized-input";
import { ProblemSummary } from "../content-form/problem-summary";
import { prunedResolver } from "../content-form/pruned-resolver";
import { useSaveDoc } from "../content-form/use-save-doc";
import { AudiencesEditor } from "./audiences-editor";
import type { TDirectoryOption } from "./audience-recipients";
import { DatedEntries } from "./dated-entries";

const resolver = prunedResolver(ZCampaignDoc);
const STATUS_HINT: Record<string, string> = {
  draft: "only campaigners see it",
  live: "listed; the form takes letters",
  paused: "the page stays; no new letters (queued ones still go)",
  closed: "the page says where the case stands; no form",
};

/**
 * The campaign editor: campaign.yaml and the texts per language in one form, validated in the browser by the file
 * schema (ZCampaignDoc) and again by the server, each refusal shown next to its field, nothing typed lost. Save
 * publishes a new version; the public page shows it on its next request.
 */
export function CampaignForm({
  initial,
  mode,
  savedStatus,
  statuses,
  directory,
  canWrite,
}: {
  initial: TCampaignDoc;
  mode: "create" | "edit";
  savedStatus: TCampaignDoc["campaign"]["status"];
  statuses: TCampaignDoc["campaign"]["status"][];
  directory: TDirectoryOption[];
  canWrite: boolean;
}) {
  const form = useForm<FieldValues>({ defaultValues: initial as unknown as FieldValues, resolver, mode: "onSubmit", reValidateMode: "onChange" });
  const [languages, setLanguages] = useState<TLanguage[]>(() => LANGUAGES.filter((l) => l === "en" || initial.content[l]));
  const { problem, attempt, saved, send, settle, refused } = useSaveDoc(form);
  const [savedAudienceIds, setSavedAudienceIds] = useState(() => (mode === "edit" ? initial.campaign.audiences.map((a) => a.id) : []));
  const errors = form.formState.errors;
  const status = useWatch({ control: form.control, name: "campaign.status" }) as string;
  const disabled = !canWrite;
  const slug = initial.campaign.slug;

  async function save(values: FieldValues) {
    const doc = values as TCampaignDoc;
    const data = await send<{ version: number; changed: boolean }>(mode === "create" ? "/api/admin/campaigns" : `/api/admin/campaigns/${slug}`, mode === "create" ? "POST" : "PUT", doc);
    if (!data) return;
    if (mode === "create") {
      window.location.assign(`/admin/campaigns/${doc.campaign.slug}`);
      return;
    }
    setSavedAudienceIds(doc.campaign.audiences.map((a) => a.id));
    settle(data.changed ? `Saved: published as version ${data.version}. The public page shows it now.` : "Nothing had changed: no new version.");
  }

  const clientErrors = problem ? [] : flattenErrors(errors);
  return (
    <form
      className="content-form"
      noValidate
      method="post"
      action="#"
      aria-label={mode === "create" ? "New campaign" : `Edit ${slug}`}
      onSubmit={form.handleSubmit(save, refused)}
    >
      <ProblemSummary problem={problem} clientErrors={clientErrors} attempt={attempt} />

      <fieldset className="language-picker">
        <legend>Languages to edit</legend>
        {LANGUAGES.map((l) => (
          <label key={l}>
            <input
              type="checkbox"
              checked={languages.includes(l)}
              disabled={l === "en"}
              onChange={(e) => setLanguages(LANGUAGES.filter((x) => (x === l ? e.target.checked : languages.includes(x))))}
            />{" "}
            {LANGUAGE_NAMES[l]}
          </label>
        ))}
        <p className="field__hint">English is required; a language left empty is not published. Hiding a language keeps what it holds.</p>
      </fieldset>

      <section className="form-section" aria-labelledby="s-general">
        <h2 id="s-general">Campaign</h2>
        <div className="admin-row">
          <Field label="Slug" hint={mode === "create" ? "The page's address: /c/<slug>. Fixed once created." : "Fixed: /c/" + slug} error={errorAt(errors, "campaign.slug")}>
            {(props) => <input {...props} {...form.register("campaign.slug")} readOnly={mode === "edit"} disabled={disabled} />}
          </Field>
          <Field label="Status" hint={STATUS_HINT[status]} error={errorAt(errors, "campaign.status")}>
            {(props) => (
              <select {...props} {...form.register("campaign.status")} disabled={disabled}>
                {statuses.map((s) => (
                  <option key={s} value={s}>
                    {s}
                    {s === savedStatus ? " (now)" : ""}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Default language" error={errorAt(errors, "campaign.defaultLanguage")}>
            {(props) => (
              <select {...props} {...form.register("campaign.defaultLanguage")} disabled={disabled}>
                {LANGUAGES.map((l) => (
                  <option key={l} value={l}>
                    {LANGUAGE_NAMES[l]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <Field label="Subject" hint="Who the case is about, as letters name it (e.g. a person's name)" error={errorAt(errors, "campaign.subject")}>
          {(props) => <input {...props} {...form.register("campaign.subject")} disabled={disabled} />}
        </Field>
        <div className="admin-row">
          <Field label="Source organisation" error={errorAt(errors, "campaign.source.organisation")}>
            {(props) => <input {...props} {...form.register("campaign.source.organisation")} disabled={disabled} />}
          </Field>
          <Field label="Source title" error={errorAt(errors, "campaign.source.title")}>
            {(props) => <input {...props} {...form.register("campaign.source.title")} disabled={disabled} />}
          </Field>
          <Field label="Source URL" error={errorAt(errors, "campaign.source.url")}>
            {(props) => <input {...props} type="url" {...form.register("campaign.source.url")} disabled={disabled} />}
          </Field>
          <Field label="Source published on" hint="YYYY-MM-DD" error={errorAt(errors, "campaign.source.publishedOn")}>
            {(props) => <input {...props} {...form.register("campaign.source.publishedOn")} className="input--short" disabled={disabled} />}
          </Field>
        </div>
      </section>

      <section className="form-section" aria-labelledby="s-texts">
        <h2 id="s-texts">Texts</h2>
        {languages.map((l) => (
          <fieldset key={l} className="entry" lang="en">
            <legend>{LANGUAGE_NAMES[l]}</legend>
            <Field label={`Title (${LANGUAGE_NAMES[l]})`} error={errorAt(errors, `content.${l}.title`)}>
              {(props) => <input {...props} {...form.register(`content.${l}.title`)} lang={l} disabled={disabled} />}
            </Field>
            <Field label={`Summary (${LANGUAGE_NAMES[l]})`} error={errorAt(errors, `content.${l}.summary`)}>
              {(props) => <textarea {...props} rows={3} {...form.register(`content.${l}.summary`)} lang={l} disabled={disabled} />}
            </Field>
            <LanguageField
              form={form}
              path={`content.${l}.background`}
              label={`Background (${LANGUAGE_NAMES[l]})`}
              language={l}
              kind="markdown"
              hint="Markdown: paragraphs, lists, links, emphasis; headings become sub-headings."
              disabled={disabled}
            />
          </fieldset>
        ))}
      </section>

      <section className="form-section" aria-labelledby="s-case">
        <h2 id="s-case">Case status and updates</h2>
        <Field label="Case status as of" hint="YYYY-MM-DD: the day the sources were last checked" error={errorAt(errors, "campaign.caseStatus.asOf")}>
          {(props) => <input {...props} {...form.register("campaign.caseStatus.asOf")} className="input--short" disabled={disabled} />}
        </Field>
        <LocalizedInput form={form} path="campaign.caseStatus.text" label="Case status" kind="text" hint="Links and emphasis in Markdown; links to https:// or /c/… only." languages={languages} disabled={disabled} />
        <h3>Updates</h3>
        <DatedEntries form={form} path="campaign.updates" noun="Update" languages={languages} disabled={disabled} />
      </section>

      <section className="form-section" aria-labelledby="s-timeline">
        <h2 id="s-timeline">Timeline</h2>
        <DatedEntries form={form} path="campaign.timeline" noun="Event" languages={languages} disabled={disabled} />
      </section>

      <section className="form-section" aria-labelledby="s-audiences">
        <h2 id="s-audiences">Audiences and demands</h2>
        <AudiencesEditor form={form} languages={languages} directory={directory} savedAudienceIds={savedAudienceIds} slug={mode === "edit" ? slug : undefined} disabled={disabled} />
      </section>

      <section className="form-section" aria-labelledby="s-sending">
        <h2 id="s-sending">Sending</h2>
        <div className="admin-row">
          {(
            [
              ["hourlyCap", "Letters per hour, at most", "to all of this campaign's officials together; empty: the site's default"],
              ["dailyCap", "Letters per day, at most", "empty: the site's default"],
              ["retentionDays", "Days supporters' data is kept after closing", "empty: the site's default"],
            ] as const
          ).map(([name, label, hint]) => (
            <Field key={name} label={label} hint={hint} error={errorAt(errors, `campaign.${name}`)}>
              {(props) => <input {...props} type="number" min={1} step={1} inputMode="numeric" {...form.register(`campaign.${name}`, { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? undefined : Number(v)) })} className="input--short" disabled={disabled} />}
            </Field>
          ))}
          <Field label="Write before" hint="YYYY-MM-DD: shown on the case page; from that day on the campaign pauses itself. Empty: no date" error={errorAt(errors, "campaign.writeBefore")}>
            {(props) => <input {...props} inputMode="numeric" {...form.register("campaign.writeBefore", { setValueAs: (v: unknown) => (v === "" || v === null || v === undefined ? undefined : String(v)) })} className="input--short" disabled={disabled} />}
          </Field>
        </div>
      </section>

      <div className="form-actions">
        <button type="submit" className="button" disabled={disabled || form.formState.isSubmitting} aria-describedby={disabled ? "viewer-note" : undefined}>
          {mode === "create" ? "Create the draft" : "Save and publish"}
        </button>
        {disabled ? (
          <p id="viewer-note" className="field__hint">
            You are signed in as a viewer: you can read everything, not save.
          </p>
        ) : null}
        <p role="status" data-testid="save-status">
          {saved}
        </p>
      </div>
    </form>
  );
}
