"use client";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { adminFetch, fieldErrors, type TProblem } from "../admin-fetch";

/** The flag hard bounces set on a recipient's email, shown with the count, and cleared only with a reason (audit log). */
export function SuspectPanel({ id, suspect, hardFailures, canWrite }: { id: string; suspect: boolean; hardFailures: number; canWrite: boolean }) {
  const [isSuspect, setSuspect] = useState(suspect);
  const [reason, setReason] = useState("");
  const [problem, setProblem] = useState<TProblem>();
  const [done, setDone] = useState<string>();
  async function clear(event: React.FormEvent) {
    event.preventDefault();
    const result = await adminFetch<{ released: number }>(`/api/admin/recipients/${id}/clear-suspect`, { body: { reason } });
    if (result.ok) {
      setSuspect(false);
      setProblem(undefined);
      const released = result.data.released;
      setDone(
        `The flag is cleared; the reason is in the audit log.${released ? ` ${released} held letter${released === 1 ? " goes" : "s go"} back to the queue.` : ""}`,
      );
    } else setProblem(result.problem);
  }
  return (
    <section className="side-panel" aria-labelledby="suspect-heading" data-testid="suspect-panel">
      <h2 id="suspect-heading">Bounces</h2>
      <p>
        {isSuspect ? <span className="admin-badge admin-badge--warn">email suspect</span> : <span className="admin-badge">email not suspect</span>} Hard failures
        counted: {isSuspect || !done ? hardFailures : 0}.
      </p>
      {isSuspect ? (
        <form onSubmit={clear} noValidate method="post" action="#" aria-label="Clear the suspect flag">
          {problem && !problem.errors?.length ? (
            <p className="field__error" role="alert">
              {problem.title}
            </p>
          ) : null}
          <Field label="Why can the address be trusted again?" hint="E.g. checked on the official site on a given day" error={fieldErrors(problem).reason}>
            {(props) => <input {...props} value={reason} onChange={(e) => setReason(e.target.value)} disabled={!canWrite} />}
          </Field>
          <button type="submit" className="button button--quiet" disabled={!canWrite}>
            Clear the suspect flag
          </button>
        </form>
      ) : null}
      <p role="status">{done}</p>
    </section>
  );
}
