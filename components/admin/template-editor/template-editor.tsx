"use client";
import { useEffect, useMemo, useRef, useState } from "react";
import { adminFetch, fieldErrors, type TProblem } from "@/components/admin/admin-fetch";
import { canonicalJson } from "@/lib/content/docs";
import type { TTemplateEditorData } from "@/lib/content/load-template-editor";
import { LANGUAGE_NAMES, type TLanguage } from "@/lib/i18n/languages";
import { composeLetters, type TComposeCampaign } from "@/lib/letters/compose-letters";
import { ZPreviewSample, type TPreviewSample } from "@/lib/schemas/template-preview";
import { checkTemplate } from "@/lib/templates/placeholders";
import { BodyEditor, type TBodyEditorHandle } from "./body-editor";
import { LetterPreview } from "./letter-preview";
import { PlaceholderPalette } from "./placeholder-palette";
import { SampleSupporter } from "./sample-supporter";
import { SubjectList } from "./subject-list";
import { usePdfPreview } from "./use-pdf-preview";

type TDoc = { subjects: string[]; body: string; review?: "needed" };
type TSaved = { published?: { version: number; review: boolean }; draft?: { version: number }; doc: TDoc };
const SAMPLE_KEY = "ul-admin-template-sample";

/** The placeholder check's message without the list of allowed names, which the palette already shows. */
const short = (message: string) => message.replace(/; allowed: .*$/, "");

/**
 * One letter template (audience × language): subject lines, the body in CodeMirror, the placeholder palette, the
 * check on every change, and beside them the letter for a sample supporter as text and as the server's PDF. What is
 * typed stays in the editor whatever the server answers; its errors are shown next to their fields.
 */
export function TemplateEditor({ data, canEdit, base, nonce }: { data: TTemplateEditorData; canEdit: boolean; base: string; nonce?: string }) {
  const start: TDoc = (data.draft ?? data.published)?.doc ?? data.startFrom!.doc;
  const [subjects, setSubjects] = useState<string[]>(start.subjects);
  const [body, setBody] = useState(start.body);
  const [review, setReview] = useState(start.review === "needed");
  const [saved, setSaved] = useState<TSaved>({
    published: data.published && { version: data.published.version, review: data.published.doc.review === "needed" },
    draft: data.draft && { version: data.draft.version },
    doc: data.draft || data.published ? start : { subjects: [], body: "" },
  });
  const [problem, setProblem] = useState<TProblem>();
  const [message, setMessage] = useState("");
  const [busy, setBusy] = useState(false);
  const editor = useRef<TBodyEditorHandle>(null);

  const audience = data.campaign.audiences.find((a) => a.id === data.audienceId)!;
  const [sample, setSample] = useState<TPreviewSample>({
    name: "Camille Roy",
    signAs: "full",
    city: "Montréal",
    country: "CA",
    personalNote: "",
    recipientId: audience.recipients[0]?.id ?? "",
  });
  // The sample follows the campaigner from one language's editor to another's.
  useEffect(() => {
    const stored = ZPreviewSample.safeParse(JSON.parse(window.sessionStorage.getItem(SAMPLE_KEY) ?? "null"));
    // Browser storage is only there after hydration: reading it in an effect is the point.
    // eslint-disable-next-line react-hooks/set-state-in-effect
    if (stored.success && audience.recipients.some((r) => r.id === stored.data.recipientId)) setSample(stored.data);
  }, [audience.recipients]);
  useEffect(() => window.sessionStorage.setItem(SAMPLE_KEY, JSON.stringify(sample)), [sample]);

  const doc: TDoc = { subjects, body, ...(review ? { review: "needed" as const } : {}) };
  const dirty = canonicalJson(doc) !== canonicalJson(saved.doc);
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  // The same check the server runs, on every change, so a typo is named with its line before anything is saved.
  const bodyProblems = useMemo(() => checkTemplate(body), [body]);
  const subjectProblems = subjects.map((s) => (s.trim() === "" ? "must not be empty" : checkTemplate(s).map((p) => short(p.message)).join("; ") || undefined));
  const valid = bodyProblems.length === 0 && body.trim() !== "" && subjectProblems.every((p) => !p);

  // The text preview is rendered here, with the composer's own pure renderer. With errors in the body it still
  // renders (an unknown placeholder comes out empty) and says so; a body that does not parse shows no text.
  const text = useMemo(() => {
    try {
      const only: TComposeCampaign = { ...data.campaign, audiences: [{ ...audience, languages: [data.language] }] };
      const [letter] = composeLetters(
        only,
        [{ audienceId: audience.id, language: data.language, subjects: subjects.length ? subjects : [""], body }],
        {
          campaign: data.campaign.slug,
          language: data.language,
          supporter: { name: sample.name, city: sample.city, country: sample.country },
          signAs: sample.signAs,
          personalNote: sample.personalNote.trim() || undefined,
          recipients: [sample.recipientId],
        },
        new Date(),
      );
      return { subject: letter?.subject ?? "", text: letter?.text ?? "" };
    } catch {
      return { subject: "", text: "" };
    }
  }, [subjects, body, sample, data, audience]);

  const sampleCheck = ZPreviewSample.safeParse(sample);
  const sampleErrors = sampleCheck.success
    ? {}
    : Object.fromEntries(sampleCheck.error.issues.map((i) => [`sample.${i.path.join(".")}`, i.message]));
  const endpoint = `/api/admin/templates/${data.campaign.slug}/${audience.id}/${data.language}`;
  const pdf = usePdfPreview(`${endpoint}/preview`, { doc: { subjects, body }, sample }, canEdit && valid && sampleCheck.success);
  const serverErrors = { ...fieldErrors(problem), ...(pdf.state === "failed" ? fieldErrors(pdf.problem) : {}) };

  async function send(kind: "draft" | "publish" | "reviewed") {
    setBusy(true);
    setMessage("");
    const sent: TDoc = kind === "reviewed" ? { subjects, body } : doc;
    const result = await adminFetch<{ version: number; state: "draft" | "published"; changed: boolean }>(
      kind === "draft" ? endpoint : `${endpoint}/${kind}`,
      { method: kind === "draft" ? "PUT" : "POST", body: sent },
    );
    setBusy(false);
    if (!result.ok) {
      setProblem(result.problem);
      return;
    }
    setProblem(undefined);
    const { version, state, changed } = result.data;
    if (kind === "reviewed") setReview(false);
    setSaved((s) =>
      state === "published"
        ? { published: { version, review: !!sent.review }, draft: undefined, doc: sent }
        : { ...s, draft: { version }, doc: sent },
    );
    setMessage(
      !changed
        ? `Nothing changed since version ${version}.`
        : state === "published"
          ? `Published as version ${version}${kind === "reviewed" ? ", marked as reviewed" : ""}. Letters written from now on use it; letters written before keep their text.`
          : `Saved as draft version ${version}. Letters keep using the published version until you publish.`,
    );
  }

  const general = problem && (!problem.errors?.length || problem.errors.some((e) => !/^(body|subjects\.\d+)$/.test(e.path))) ? problem : undefined;
  const historyHref = `/admin/history?entity=template&key=${encodeURIComponent(data.key)}`;
  const languageName = LANGUAGE_NAMES[data.language];
  const reviewShown = review || saved.published?.review;

  return (
    <div className="template-editor">
      <header className="template-editor__header">
        <p>
          <a href={`${base}`}>All letter templates of this campaign</a> · <a href={historyHref}>History</a>
        </p>
        <h1>
          Letter to {audience.title.en} · {languageName}
        </h1>
        <p data-testid="template-state">
          {saved.published ? `Published: version ${saved.published.version}.` : "Not published yet."}{" "}
          {saved.draft ? `A newer draft is saved (version ${saved.draft.version}).` : ""} {dirty ? "Unsaved changes." : ""}
          {data.published ? ` ${data.published.letters} letters written from the version this page opened with.` : ""}
        </p>
        {data.startFrom ? (
          <p className="admin-notice">
            There is no {languageName} letter yet. This starts from the {LANGUAGE_NAMES[data.startFrom.language as TLanguage] ?? data.startFrom.language} text,
            marked as needing review: translate it, then save or publish.
          </p>
        ) : null}
        {reviewShown ? (
          <div className="admin-notice template-review" role="note">
            <span className="admin-badge admin-badge--warn">Review needed</span> This letter has not been checked by a person who reads{" "}
            {languageName} well (a machine translation, or a changed source).{" "}
            <button type="button" className="button" disabled={!canEdit || busy || !valid} onClick={() => send("reviewed")}>
              I reviewed this letter
            </button>
          </div>
        ) : null}
        {!canEdit ? <p className="admin-notice">You are signed in as a viewer: you can read and preview this letter, not save it.</p> : null}
      </header>

      <div className="template-editor__columns">
        <section className="template-editor__edit" aria-labelledby="template-heading">
          <h2 id="template-heading">Letter</h2>
          <SubjectList
            subjects={subjects}
            onChange={setSubjects}
            readOnly={!canEdit}
            errors={Object.fromEntries(subjects.map((_, i) => [i, subjectProblems[i] ?? serverErrors[`subjects.${i}`]]))}
          />
          <div className={`field${bodyProblems.length || serverErrors.body ? " field--invalid" : ""}`}>
            <span className="template-label" id="body-label">
              Letter body
            </span>
            <p className="field__hint" id="body-hint">
              Markdown with placeholders. Tab leaves the editor; the palette below inserts at the cursor.
            </p>
            <BodyEditor
              ref={editor}
              value={body}
              onChange={setBody}
              readOnly={!canEdit}
              labelledBy="body-label"
              describedBy="body-problems body-hint"
              problemLines={bodyProblems.map((p) => p.line)}
              nonce={nonce}
            />
            <div id="body-problems" aria-live="polite" data-testid="body-problems">
              {bodyProblems.length ? (
                <ul className="field__error">
                  {bodyProblems.map((p, i) => (
                    <li key={i}>
                      Line {p.line}: {short(p.message)}
                    </li>
                  ))}
                </ul>
              ) : serverErrors.body ? (
                <p className="field__error">{serverErrors.body}</p>
              ) : body.trim() === "" ? (
                <p className="field__error">The body must not be empty.</p>
              ) : null}
            </div>
          </div>
          <PlaceholderPalette disabled={!canEdit} onInsert={(t) => editor.current?.insert(t)} />
          <div className="template-actions">
            {general ? (
              <div className="field__error" role="alert">
                <p>{general.title}</p>
                <ul>
                  {(general.errors ?? []).map((e, i) => (
                    <li key={i}>{e.message}</li>
                  ))}
                </ul>
              </div>
            ) : null}
            <p role="status" data-testid="save-status">
              {message}
            </p>
            <div className="admin-row">
              <button type="button" className="button button--quiet" disabled={!canEdit || busy || !valid} onClick={() => send("draft")}>
                Save as draft
              </button>
              <button type="button" className="button" disabled={!canEdit || busy || !valid} onClick={() => send("publish")}>
                Publish
              </button>
            </div>
            {!valid && canEdit ? <p className="field__hint">Fix the errors above to save or publish.</p> : null}
          </div>
        </section>

        <section className="template-editor__side" aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <SampleSupporter
            sample={sample}
            onChange={setSample}
            recipients={audience.recipients}
            language={data.language}
            languageHref={(l) => `${base}/${audience.id}/${l}`}
            errors={{ ...sampleErrors, ...serverErrors }}
          />
          <LetterPreview text={text.text} subject={text.subject} stale={!valid} pdf={pdf} pdfAllowed={canEdit} />
        </section>
      </div>
    </div>
  );
}
