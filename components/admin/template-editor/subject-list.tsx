"use client";

/**
 * The subject variants: letters rotate through them, so that a hundred letters do not arrive with one subject. Each
 * line is a field of its own with its error (server or placeholder check) right below it.
 */
export function SubjectList({
  subjects,
  onChange,
  errors,
  readOnly,
}: {
  subjects: string[];
  onChange(subjects: string[]): void;
  errors: Record<number, string | undefined>;
  readOnly: boolean;
}) {
  return (
    <fieldset className="template-subjects">
      <legend>Subject lines</legend>
      <p className="field__hint" id="subjects-hint">
        Letters take these in turn. Placeholders work here too.
      </p>
      <ol>
        {subjects.map((subject, i) => {
          const error = errors[i];
          return (
            <li key={i} className={`field${error ? " field--invalid" : ""}`}>
              <label htmlFor={`subject-${i}`}>Subject {i + 1}</label>
              <div className="admin-row">
                <input
                  id={`subject-${i}`}
                  value={subject}
                  readOnly={readOnly}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={[error ? `subject-${i}-error` : "", "subjects-hint"].filter(Boolean).join(" ")}
                  onChange={(e) => onChange(subjects.map((s, j) => (j === i ? e.target.value : s)))}
                />
                <button
                  type="button"
                  className="button--quiet"
                  disabled={readOnly || subjects.length === 1}
                  aria-label={`Remove subject ${i + 1}`}
                  onClick={() => onChange(subjects.filter((_, j) => j !== i))}
                >
                  Remove
                </button>
              </div>
              {error ? (
                <p className="field__error" id={`subject-${i}-error`}>
                  {error}
                </p>
              ) : null}
            </li>
          );
        })}
      </ol>
      <button type="button" className="button--quiet" disabled={readOnly} onClick={() => onChange([...subjects, ""])}>
        Add a subject line
      </button>
    </fieldset>
  );
}
