"use client";
import { useState } from "react";
import { adminFetch } from "../admin-fetch";

/**
 * Test mode: while on, only a signed-in campaigner can write, and each letter goes to that campaigner with "[TEST]"
 * before its subject, never to an official; none is counted. Applied at once and written to the audit log.
 */
export function TestModeSwitch({ slug, on: initial, canWrite }: { slug: string; on: boolean; canWrite: boolean }) {
  const [on, setOn] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  async function toggle(next: boolean) {
    setOn(next);
    setBusy(true);
    const result = await adminFetch<{ testMode: boolean }>(`/api/admin/campaigns/${slug}/test-mode`, { method: "PUT", body: { testMode: next } });
    setBusy(false);
    if (result.ok) {
      setOn(result.data.testMode);
      setMessage(result.data.testMode ? "Test mode is on: letters go to the campaigner who writes them, never to an official." : "Test mode is off: letters go to the officials again.");
    } else {
      setOn(!next);
      setMessage(result.problem.title);
    }
  }
  return (
    <div className={`held-switch${on ? " held-switch--on" : ""}`}>
      <label>
        <input type="checkbox" role="switch" checked={on} aria-checked={on} disabled={!canWrite || busy} onChange={(e) => toggle(e.target.checked)} /> <strong>Test mode</strong>
      </label>
      <p className="field__hint">Only signed-in campaigners can write; every letter goes to the campaigner who wrote it, its subject marked “[TEST]”, and none is counted.</p>
      <p role="status">{message}</p>
    </div>
  );
}
