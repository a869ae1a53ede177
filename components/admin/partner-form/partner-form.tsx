"use client";
import { useEffect, useRef, useState } from "react";
import { Controller, useForm, useWatch, type FieldValues } from "react-hook-form";
import { Field } from "@/components/ui/field";
import { ZPartnerDoc, type TPartnerDoc } from "@/lib/content/docs";
import { inkOn } from "@/lib/embed/embed-theme-css";
import { adminFetch, type TProblem } from "../admin-fetch";
import { errorAt, flattenErrors } from "../content-form/form-errors";
import { ProblemSummary } from "../content-form/problem-summary";
import { prunedResolver } from "../content-form/pruned-resolver";

const resolver = prunedResolver(ZPartnerDoc);

/**
 * A partner organisation, in the shape of its file (ZPartnerDoc checks it here and on the server): who it is, the
 * origins whose pages may frame its embed (one a line, each line's problem under the list), its theme with a live
 * swatch, and whether it is active. Owners save; editors and viewers read.
 */
export function PartnerForm({ initial, mode, canWrite }: { initial: TPartnerDoc; mode: "create" | "edit"; canWrite: boolean }) {
  const form = useForm<FieldValues>({ defaultValues: { ...initial, active: initial.active ?? true } as FieldValues, resolver, reValidateMode: "onChange" });
  const [problem, setProblem] = useState<TProblem>();
  const [saved, setSaved] = useState<string>();
  const [attempt, setAttempt] = useState(0);
  const errors = form.formState.errors;
  const disabled = !canWrite;
  const theme = (useWatch({ control: form.control, name: "theme" }) ?? {}) as { accent?: string; radius?: string; fontScale?: number };

  async function save(values: FieldValues) {
    setSaved(undefined);
    const result = await adminFetch<{ code: string; version: number; changed: boolean }>(mode === "create" ? "/api/admin/partners" : `/api/admin/partners/${initial.code}`, {
      method: mode === "create" ? "POST" : "PUT",
      body: values,
    });
    if (!result.ok) {
      setProblem(result.problem);
      setAttempt((n) => n + 1);
      for (const e of result.problem.errors ?? []) form.setError(e.path, { type: "server", message: e.message });
      return;
    }
    setProblem(undefined);
    if (mode === "create") {
      window.location.assign(`/admin/partners/${result.data.code}?created=1`);
      return;
    }
    form.reset(form.getValues(), { keepValues: true });
    setSaved(result.data.changed ? `Saved: published as version ${result.data.version}.` : "Nothing had changed: no new version.");
  }

  // Each origin's problem by its line: the textarea is one field, its lines are the list's items.
  const originErrors = Object.entries((errors.allowedOrigins as Record<string, { message?: string }> | undefined) ?? {})
    .filter(([key]) => /^\d+$/.test(key))
    .map(([key, e]) => ({ line: Number(key) + 1, message: e?.message ?? "" }));

  return (
    <form
      className="content-form"
      noValidate
      method="post"
      action="#"
      aria-label={mode === "create" ? "New partner" : `Edit ${initial.code}`}
      onSubmit={form.handleSubmit(save, () => {
        setProblem(undefined);
        setAttempt((n) => n + 1);
      })}
    >
      <ProblemSummary problem={problem} clientErrors={problem ? [] : flattenErrors(errors)} attempt={attempt} />
      <section className="form-section" aria-labelledby="p-who">
        <h2 id="p-who">Who</h2>
        <div className="admin-row">
          <Field label="Code" hint={mode === "create" ? "Lowercase letters, digits and dashes, e.g. dnc: the embed's data-partner. Fixed once created." : "Fixed: embeds and actions refer to it."} error={errorAt(errors, "code")}>
            {(props) => <input {...props} {...form.register("code")} readOnly={mode === "edit"} disabled={disabled} />}
          </Field>
          <Field label="Name" hint="As supporters read it: “<name> may contact me”" error={errorAt(errors, "name")}>
            {(props) => <input {...props} {...form.register("name")} disabled={disabled} />}
          </Field>
        </div>
        <Field label="Site" hint="The organisation's https:// address" error={errorAt(errors, "site")}>
          {(props) => <input {...props} {...form.register("site")} type="url" disabled={disabled} />}
        </Field>
        <Controller
          control={form.control}
          name="active"
          render={({ field }) => (
            <label className="check-inline">
              <input type="checkbox" disabled={disabled} checked={field.value !== false} onChange={(e) => field.onChange(e.target.checked)} onBlur={field.onBlur} /> Active (unticked: its embed
              cannot be framed and its letters are not attributed)
            </label>
          )}
        />
      </section>

      <section className="form-section" aria-labelledby="p-origins">
        <h2 id="p-origins">Allowed origins</h2>
        <Field
          label="Origins that may frame the embed"
          hint="One a line, as a browser names it: https://example.org (scheme and host, a port if any; no path or trailing slash). Plain http only for localhost and 127.0.0.1."
          error={typeof errors.allowedOrigins?.message === "string" ? errors.allowedOrigins.message : undefined}
          extra={
            originErrors.length ? (
              <ul className="field__error" data-testid="origin-errors">
                {originErrors.map((e) => (
                  <li key={e.line}>
                    Line {e.line}: {e.message}
                  </li>
                ))}
              </ul>
            ) : null
          }
        >
          {(props) => (
            <Controller
              control={form.control}
              name="allowedOrigins"
              render={({ field }) => <OriginLines {...props} value={field.value as string[] | undefined} onChange={field.onChange} onBlur={field.onBlur} disabled={disabled} aria-invalid={originErrors.length ? true : props["aria-invalid"]} />}
            />
          )}
        </Field>
      </section>

      <section className="form-section" aria-labelledby="p-theme">
        <h2 id="p-theme">Theme</h2>
        <p className="field__hint">The embed&apos;s look when the partner&apos;s page gives none (its data-theme wins, value by value).</p>
        <div className="admin-row">
          <Field label="Accent colour" hint="A hex colour, e.g. #8a1538" error={errorAt(errors, "theme.accent")}>
            {(props) => <input {...props} {...form.register("theme.accent")} className="input--short" disabled={disabled} />}
          </Field>
          <Field label="Corner radius" hint="0px to 24px, e.g. 6px" error={errorAt(errors, "theme.radius")}>
            {(props) => <input {...props} {...form.register("theme.radius")} className="input--short" disabled={disabled} />}
          </Field>
          <Field label="Text size" hint="0.875 to 1.25 (1 is the site's)" error={errorAt(errors, "theme.fontScale")}>
            {(props) => (
              <input
                {...props}
                {...form.register("theme.fontScale", { setValueAs: (v: unknown) => (v === "" || v === undefined || v === null ? undefined : Number(v)) })}
                type="number"
                step="0.025"
                min="0.875"
                max="1.25"
                className="input--short"
                disabled={disabled}
              />
            )}
          </Field>
        </div>
        <ThemeSwatch theme={theme} />
      </section>

      <div className="form-actions">
        <button type="submit" className="button" disabled={disabled || form.formState.isSubmitting}>
          {mode === "create" ? "Add the partner" : "Save and publish"}
        </button>
        {disabled ? <p className="field__hint">Partners are the owners&apos; to change: you can read everything, not save.</p> : null}
        <p role="status" data-testid="save-status">
          {saved}
        </p>
      </div>
    </form>
  );
}

/**
 * The origins as a textarea, one a line. Unlike LinesInput, a blank line in the middle is kept (and refused), so
 * that "line 3" in an error is the third line of the box.
 */
function OriginLines({
  value,
  onChange,
  ...props
}: Omit<React.TextareaHTMLAttributes<HTMLTextAreaElement>, "value" | "onChange"> & { value: string[] | undefined; onChange: (lines: string[]) => void }) {
  const joined = (value ?? []).join("\n");
  const [text, setText] = useState(joined);
  const [seen, setSeen] = useState(joined);
  if (joined !== seen) {
    setSeen(joined);
    if (text.split("\n").map((l) => l.trim()).join("\n") !== joined) setText(joined);
  }
  return (
    <textarea
      {...props}
      rows={4}
      value={text}
      spellCheck={false}
      onChange={(e) => {
        setText(e.target.value);
        // Every line counts, so "line 3" is the third line of the box; only a trailing empty line is dropped.
        onChange(e.target.value.replace(/\n+$/, "").split("\n").map((l) => l.trim()).filter((l, i, all) => l !== "" || i < all.length - 1));
      }}
    />
  );
}

/** The theme as the embed would show it: an accent button and a field with the radius, at the text size. */
function ThemeSwatch({ theme }: { theme: { accent?: string; radius?: string; fontScale?: number } }) {
  const box = useRef<HTMLDivElement>(null);
  const valid = {
    accent: /^#([0-9a-f]{3}|[0-9a-f]{6})$/i.test(theme.accent ?? "") ? theme.accent : undefined,
    radius: /^(0|([0-9]|1[0-9]|2[0-4])px)$/.test(theme.radius ?? "") ? theme.radius : undefined,
    fontScale: typeof theme.fontScale === "number" && theme.fontScale >= 0.875 && theme.fontScale <= 1.25 ? theme.fontScale : undefined,
  };
  // Set through the CSSOM: the admin's CSP allows no style attributes.
  useEffect(() => {
    const style = box.current?.style;
    if (!style) return;
    for (const [name, value] of [
      ["--swatch-accent", valid.accent],
      ["--swatch-ink", valid.accent ? inkOn(valid.accent) : undefined],
      ["--swatch-radius", valid.radius],
      ["--swatch-scale", valid.fontScale === undefined ? undefined : String(valid.fontScale)],
    ] as const) {
      if (value) style.setProperty(name, value);
      else style.removeProperty(name);
    }
  }, [valid.accent, valid.radius, valid.fontScale]);
  return (
    <div className="theme-swatch" ref={box} data-testid="theme-swatch" aria-label="How the embed looks with this theme" role="img">
      <span className="theme-swatch__field">Your name</span>
      <span className="theme-swatch__button">Send my letters</span>
      <span className="theme-swatch__link">Read the whole case</span>
    </div>
  );
}
