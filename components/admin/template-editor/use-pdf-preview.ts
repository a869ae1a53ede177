"use client";
import { useEffect, useRef, useState } from "react";
import type { TProblem } from "@/components/admin/admin-fetch";

/** How long typing must pause before the PDF is laid out again: a preview per keystroke would queue up behind itself. */
export const PDF_DEBOUNCE_MS = 250;

export type TPdfPreview = { url?: string; state: "idle" | "updating" | "ready" | "failed"; problem?: TProblem; renders: number };

/**
 * The server-rendered PDF of the current draft, refreshed after each pause in editing. A newer edit aborts the request
 * in flight; the last good PDF stays on screen until the next one arrives, and its object URL is released then.
 */
export function usePdfPreview(endpoint: string, body: unknown, enabled: boolean): TPdfPreview {
  const [preview, setPreview] = useState<TPdfPreview>({ state: "idle", renders: 0 });
  const key = JSON.stringify(body);
  const last = useRef<string | undefined>(undefined);

  useEffect(() => {
    if (!enabled) return;
    const abort = new AbortController();
    const timer = window.setTimeout(async () => {
      setPreview((p) => ({ ...p, state: "updating" }));
      try {
        const response = await fetch(endpoint, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/pdf" },
          body: key,
          signal: abort.signal,
        });
        if (!response.ok) {
          const problem = ((await response.json().catch(() => undefined)) as TProblem | undefined) ?? { status: response.status, title: `The server answered ${response.status}.` };
          setPreview((p) => ({ ...p, state: "failed", problem: { ...problem, status: response.status } }));
          return;
        }
        const url = URL.createObjectURL(await response.blob());
        if (last.current) URL.revokeObjectURL(last.current);
        last.current = url;
        setPreview((p) => ({ url, state: "ready", renders: p.renders + 1 }));
      } catch (error) {
        if (abort.signal.aborted) return;
        setPreview((p) => ({ ...p, state: "failed", problem: { status: 0, title: `The preview could not be fetched (${error instanceof Error ? error.message : "network"}).` } }));
      }
    }, PDF_DEBOUNCE_MS);
    return () => {
      window.clearTimeout(timer);
      abort.abort();
    };
  }, [endpoint, key, enabled]);

  useEffect(() => () => {
    if (last.current) URL.revokeObjectURL(last.current);
  }, []);
  return preview;
}
