"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { LANGUAGE_NAMES, type TLanguage } from "@/lib/i18n/languages";
import { ZCloseCampaign, ZPostUpdate } from "@/lib/schemas/case-lifecycle";
import { adminFetch, fieldErrors, type TProblem } from "../admin-fetch";

type TMode = "update" | "close";
type TAnswer = { version?: number; emailed: number; cancelled?: { queued: number; held: number; awaitingConfirmation: number } };

/**
 * A dated case update (per language, with its source), posted to the case status block; or, in "close" mode, the
 * closing update that closes the campaign. The same schema checks it here and on the server (lib/schemas/case-lifecycle.ts).
 * The email to supporters who asked for news is opt-in, with their number on the box.
 */
export function CaseUpdateForm({
  slug,
  mode,
  languages,
  subscribers,
  today,
  canWrite,
}: {
  slug: string;
  mode: TMode;
  /** The campaign's languages besides English, in the site's order. */
  languages: TLanguage[];
  subscribers: number;
  today: string;
  canWrite: boolean;
}) {
  const router = useRouter();
  const [date, setDate] = useState(today);
  const [texts, setTexts] = useState<Partial<Record<TLanguage, string>>>({});
  const [source, setSource] = useState("");
  const [email, setEmail] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<TProblem>();
  const [done, setDone] = useState<string>();
  const all: TLanguage[] = ["en", ...languages.filter((l) => l !== "en")];

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setDone(undefined);
    const text = Object.fromEntries(all.map((l) => [l, texts[l]?.trim() || undefined]).filter(([, v]) => v));
    const body = { update: { date, text, source }, email };
    const parsed = (mode === "close" ? ZCloseCampaign : ZPostUpdate).safeParse(body);
    if (!parsed.success) {
      setProblem({ status: 422, title: "Please check the fields listed.", errors: parsed.error.issues.map((i) => ({ path: i.path.join("."), message: i.message })) });
      return;
    }
    setBusy(true);
    const result = await adminFetch<TAnswer>(`/api/admin/campaigns/${slug}/${mode === "close" ? "close" : "updates"}`, { method: "POST", body: parsed.data });
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(undefined);
    const mailed = result.data.emailed > 0 ? ` Emailed to ${result.data.emailed} ${result.data.emailed === 1 ? "supporter" : "supporters"}.` : "";
    if (mode === "close") {
      const c = result.data.cancelled;
      const cancelled = c ? c.queued + c.held + c.awaitingConfirmation : 0;
      // No refresh here: this page would then only say "closed already", and the answer belongs on screen.
      setDone(`Closed. ${cancelled} ${cancelled === 1 ? "letter was" : "letters were"} cancelled.${mailed}`);
      return;
    } else {
      setDone(`Posted: it shows on the case page now.${mailed}`);
      setTexts({});
      setSource("");
      setEmail(false);
    }
    router.refresh();
  }

  const errors = fieldErrors(problem);
  const disabled = !canWrite || busy || (mode === "close" && !!done);
  return (
    <form onSubmit={submit} noValidate className="case-update-form" aria-labelledby={`${mode}-form-heading`}>
      <h2 id={`${mode}-form-heading`}>{mode === "close" ? "The closing update" : "Post an update"}</h2>
      <p className="field__hint">
        {mode === "close"
          ? "What happened in the end, with its source: it is shown at the top of the case page, below “This campaign is closed”."
          : "A dated development of the case, with its source: it shows in the case status block of the public page at once."}
      </p>
      {problem ? (
        <p className="field__error" role="alert" data-testid={`${mode}-problem`}>
          {problem.title}
        </p>
      ) : null}
      <Field label="Date" hint="YYYY-MM-DD, or YYYY-MM when the source gives only the month" error={errors["update.date"]}>
        {(props) => <input {...props} value={date} onChange={(e) => setDate(e.target.value)} disabled={disabled} inputMode="numeric" />}
      </Field>
      {all.map((l) => (
        <Field
          key={l}
          label={`${mode === "close" ? "Outcome" : "Update"} (${LANGUAGE_NAMES[l]})`}
          hint={l === "en" ? "Required. Links and emphasis in Markdown; links to https:// or /c/… only." : "Optional: supporters reading in this language get English without it, and are told so."}
          error={errors[`update.text.${l}`] ?? (l === "en" ? errors["update.text"] : undefined)}
        >
          {(props) => <textarea {...props} rows={3} lang={l} value={texts[l] ?? ""} onChange={(e) => setTexts({ ...texts, [l]: e.target.value })} disabled={disabled} />}
        </Field>
      ))}
      <Field label="Source" hint="Where this comes from: a document or a URL; several separated by “; ”" error={errors["update.source"]}>
        {(props) => <input {...props} value={source} onChange={(e) => setSource(e.target.value)} disabled={disabled} />}
      </Field>
      <div className="check">
        <input id={`${mode}-email`} type="checkbox" checked={email} onChange={(e) => setEmail(e.target.checked)} disabled={disabled || subscribers === 0} />
        <label htmlFor={`${mode}-email`}>
          {mode === "close" ? "Email the outcome to the " : "Email it to the "}
          {subscribers} {subscribers === 1 ? "supporter" : "supporters"} who asked for news
        </label>
      </div>
      <p className="field__hint">Each gets it in the language they wrote in, with a link to stop the news in one click.</p>
      <button type="submit" className={mode === "close" ? "button button--danger" : "button"} disabled={disabled} aria-busy={busy}>
        {mode === "close" ? "Close the campaign" : "Post the update"}
      </button>
      <p role="status" data-testid={`${mode}-status`}>
        {done}
        {done && mode === "close" ? (
          <>
            {" "}
            <a href={`/c/${slug}`}>See the public page</a>
          </>
        ) : null}
      </p>
    </form>
  );
}
