"use client";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { confirmQuestion, plural } from "@/lib/deliveries/confirm-question";
import type { TLetterActionPreview } from "@/lib/deliveries/preview-letter-action";
import type { TLetterSelection } from "@/lib/schemas/deliveries";
import { adminFetch } from "../admin-fetch";

type TAction = "retry" | "cancel";

const LABEL: Record<TAction, { button: string; verb: string; done: string }> = {
  retry: { button: "Retry failed letters…", verb: "Retry", done: "back in the queue" },
  cancel: { button: "Cancel queued letters…", verb: "Cancel", done: "cancelled" },
};

/**
 * Retry and cancel for a set of letters, each with a confirm step that first asks the server how many letters the
 * action would really change (only failed letters are retried; only queued or held ones cancelled) and names it.
 * `selection` is null while nothing is chosen. Viewers never see this (the handlers refuse them too).
 */
export function LetterActions({
  selection,
  scope,
  actions = ["retry", "cancel"],
  labels = {},
}: {
  selection: TLetterSelection | null;
  scope: string;
  actions?: TAction[];
  /** The buttons' words where the bulk wording does not fit (one letter's page: "Retry this letter…"). */
  labels?: Partial<Record<TAction, string>>;
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
            {labels[action] ?? LABEL[action].button}
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
