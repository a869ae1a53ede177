"use client";
import { useState } from "react";
import { adminFetch } from "../admin-fetch";

/**
 * "Sending on hold": stops the queue from sending this campaign's letters, whatever its status. Kept apart from the
 * status (paused = no new letters) so the two are never confused; applied at once and written to the audit log.
 */
export function SendingHeldSwitch({ slug, held: initial, canWrite }: { slug: string; held: boolean; canWrite: boolean }) {
  const [held, setHeld] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  async function toggle(next: boolean) {
    // Shown at once, put back if the server refuses: the switch answers the click like any checkbox.
    setHeld(next);
    setBusy(true);
    const result = await adminFetch<{ sendingHeld: boolean }>(`/api/admin/campaigns/${slug}/sending-held`, { method: "PUT", body: { held: next } });
    setBusy(false);
    if (result.ok) {
      setHeld(result.data.sendingHeld);
      setMessage(result.data.sendingHeld ? "Sending is on hold: no letter of this campaign leaves the queue." : "Sending goes on: queued letters leave at the campaign's pace.");
    } else {
      setHeld(!next);
      setMessage(result.problem.title);
    }
  }
  return (
    <div className={`held-switch${held ? " held-switch--on" : ""}`}>
      <label>
        <input type="checkbox" role="switch" checked={held} aria-checked={held} disabled={!canWrite || busy} onChange={(e) => toggle(e.target.checked)} /> <strong>Sending on hold</strong>
      </label>
      <p className="field__hint">Stops sending this campaign&apos;s letters by email whatever its status; supporters can still write. Not the same as the status “paused”, which takes no new letters.</p>
      <p role="status">{message}</p>
    </div>
  );
}
