"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { adminFetch } from "../admin-fetch";

/** An owner reopens a closed campaign: paused (the page back, no form yet) or live at once. */
export function ReopenButtons({ slug }: { slug: string }) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string>();
  async function reopen(status: "paused" | "live") {
    setBusy(true);
    const result = await adminFetch(`/api/admin/campaigns/${slug}/reopen`, { method: "POST", body: { status } });
    setBusy(false);
    setMessage(result.ok ? `Reopened as ${status}.` : result.problem.title);
    if (result.ok) router.refresh();
  }
  return (
    <div className="admin-row">
      <button type="button" className="button" disabled={busy} onClick={() => reopen("paused")}>
        Reopen, paused
      </button>
      <button type="button" className="button button--quiet" disabled={busy} onClick={() => reopen("live")}>
        Reopen, live
      </button>
      <p role="status">{message}</p>
    </div>
  );
}
