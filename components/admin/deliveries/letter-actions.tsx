"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { TLetterActionPreview } from "@/lib/deliveries/preview-letter-action";
import type { TLetterSelection } from "@/lib/schemas/deliveries";
import { adminFetch } from "../admin-fetch";

type TAction = "retry" | "cancel";

const LABEL: Record<TAction, { button: string; verb: string; done: string }> = {
  retry: { button: "Retry failed letters…", verb: "Retry", done: "back in the queue" },
  cancel: { button: "Cancel queued letters…", verb: "Cancel", done: "cancelled" },
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/** "Cancel 3 queued letters to Minister X?": the exact count, by status, and the officials they go to. */
export function confirmQuestion(action: TAction, preview: TLetterActionPreview): string {
  const statuses = Object.entries(preview.byStatus).filter(([, n]) => n);
  const what =
    statuses.length === 1 ? `${preview.count} ${statuses[0]![0]} letter${preview.count === 1 ? "" : "s"}` : `${plural(preview.count, "letter")} (${statuses.map(([s, n]) => `${n} ${s}`).join(", ")})`;
  const names = preview.officials.map((o) => o.name);
  const others = preview.officialCount - names.length;
  const to = others > 0 ? `${names.join(", ")} and ${plural(others, "other official")}` : names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
  return `${LABEL[action].verb} ${what} to ${to}?`;
}

/**
 * Retry and cancel for a set of letters, each with a confirm step that first asks the server how many letters the
 * action would really change (only failed letters are retried; only queued or held ones cancelled) and names it.
 * `selection` is null while nothing is chosen. Viewers never see this (the handlers refuse them too).
 */
export function LetterActions({
  selection,
  scope,
  actions = ["retry", "cancel"],
  single = false,
}: {
  selection: TLetterSelection | null;
  scope: string;
  actions?: TAction[];
  /** For one letter's page: "Retry this letter…" rather than the bulk wording. */
  single?: boolean;
}) {
  const router = useRouter();
  const [pending, setPending] = useState<{ action: TAction; preview: TLetterActionPreview }>();
  const [message, setMessage] = useState<string>();
  const [busy, setBusy] = useState(false);
  const confirmRef = useRef<HTMLButtonElement>(null);

  async function ask(action: TAction) {
    if (!selection) return;
    setBusy(true);
    const result = await adminFetch<TLetterActionPreview>(`/api/admin/deliveries/${action}`, { body: { selection, preview: true } });
    setBusy(false);
    if (!result.ok) return setMessage(result.problem.title);
    if (result.data.count === 0) {
      setPending(undefined);
      return setMessage(action === "retry" ? `None of ${scope} has failed: nothing to retry.` : `None of ${scope} is queued or held: nothing to cancel.`);
    }
    setMessage(undefined);
    setPending({ action, preview: result.data });
  }

  // The question takes the focus once shown, so a keyboard or screen-reader user meets it at once.
  useEffect(() => {
    if (pending) confirmRef.current?.focus();
  }, [pending]);

  async function confirm() {
    if (!pending || !selection) return;
    setBusy(true);
    const result = await adminFetch<{ changed: number }>(`/api/admin/deliveries/${pending.action}`, { body: { selection } });
    setBusy(false);
    const action = pending.action;
    setPending(undefined);
    if (!result.ok) return setMessage(result.problem.title);
    setMessage(`${plural(result.data.changed, "letter")} ${LABEL[action].done}.`);
    router.refresh();
  }

  return (
    <div className="letter-actions">
      <div className="admin-row">
        {actions.map((action) => (
          <button key={action} type="button" className="button button--quiet" disabled={!selection || busy} onClick={() => ask(action)}>
            {single ? `${LABEL[action].verb} this letter…` : LABEL[action].button}
          </button>
        ))}
      </div>
      {pending ? (
        <div className="letter-actions__confirm" role="group" aria-labelledby="letter-action-question">
          <p id="letter-action-question">
            <strong>{confirmQuestion(pending.action, pending.preview)}</strong>
          </p>
          <div className="admin-row">
            <button ref={confirmRef} type="button" className="button" disabled={busy} onClick={confirm}>
              {LABEL[pending.action].verb} {plural(pending.preview.count, "letter")}
            </button>
            <button type="button" className="button button--quiet" onClick={() => setPending(undefined)}>
              Back
            </button>
          </div>
        </div>
      ) : null}
      <p role="status">{message}</p>
    </div>
  );
}
