"use client";
import { useState } from "react";
import { adminFetch } from "../admin-fetch";

/** "Send me a test letter": the letter a supporter would send this recipient, mailed to the campaigner only. */
export function TestLetterButton({ id, email, canWrite }: { id: string; email: string; canWrite: boolean }) {
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  const [failed, setFailed] = useState(false);
  async function send() {
    setBusy(true);
    setMessage(undefined);
    const result = await adminFetch<{ to: string; subject: string; campaignSlug: string; audienceId: string }>(`/api/admin/recipients/${id}/test-letter`, { body: {} });
    setBusy(false);
    setFailed(!result.ok);
    setMessage(result.ok ? `Sent to ${result.data.to}: “${result.data.subject}” (${result.data.campaignSlug}, ${result.data.audienceId}).` : result.problem.title);
  }
  return (
    <section className="side-panel" aria-labelledby="test-letter-heading">
      <h2 id="test-letter-heading">Test letter</h2>
      <p>
        Mails you ({email}), never the official, the letter a sample supporter would send them, with “[TEST]” at the start of the subject.
      </p>
      <button type="button" className="button button--quiet" onClick={send} disabled={!canWrite || busy}>
        {busy ? "Sending…" : "Send me a test letter"}
      </button>
      <p role={failed ? "alert" : "status"} data-testid="test-letter-status" className={failed ? "field__error" : undefined}>
        {message}
      </p>
    </section>
  );
}
