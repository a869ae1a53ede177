"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { adminFetch } from "./admin-fetch";

/** An owner's "Resume sending" after the relay refused all mail; the banner goes once it worked. */
export function ResumeSendingButton() {
  const router = useRouter();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  async function resume() {
    setBusy(true);
    const result = await adminFetch<{ resumed: boolean }>("/api/admin/relay/resume", { body: {} });
    setBusy(false);
    if (result.ok) {
      setMessage("Sending is resumed: the queue goes out again.");
      // The refresh takes the banner (and this button) away: the page's main area keeps the keyboard focus.
      document.getElementById("admin-main")?.focus();
      router.refresh();
    } else {
      setMessage(result.problem.title);
    }
  }
  return (
    <div className="admin-row">
      <button type="button" className="button" onClick={resume} disabled={busy}>
        Resume sending
      </button>
      <p role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
