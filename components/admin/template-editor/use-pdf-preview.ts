"use client";
import { useEffect, useRef, useState } from "react";
import type { TProblem } from "@/components/admin/admin-fetch";

export type TPdfPreview = { url?: string; state: "idle" | "updating" | "ready" | "failed"; problem?: TProblem; renders: number };

type TShown = { key?: string; url?: string; problem?: TProblem; renders: number };

/**
 * The server-rendered PDF of the current draft. At most one request is in flight per editor: an edit while none is
 * goes out at once (no debounce delay to wait through), edits made while one is out are folded into a single
 * request for the newest state when it returns. So a pause in typing shows its PDF one round trip later, and fast
 * typing never queues a PDF per keystroke. The last good PDF stays on screen until the next one arrives.
 */
export function usePdfPreview(endpoint: string, body: unknown, enabled: boolean): TPdfPreview {
  const key = JSON.stringify(body);
  const [shown, setShown] = useState<TShown>({ renders: 0 });
  const latest = useRef({ key, endpoint, enabled });
  const inFlight = useRef(false);
  const alive = useRef(true);

  useEffect(() => {
    latest.current = { key, endpoint, enabled };
    if (!enabled || inFlight.current) return;
    const run = async () => {
      inFlight.current = true;
      const sent = latest.current;
      let next: Omit<TShown, "renders"> & { ok: boolean };
      try {
        const response = await fetch(sent.endpoint, { method: "POST", headers: { "content-type": "application/json", accept: "application/pdf" }, body: sent.key });
        if (response.ok) next = { ok: true, key: sent.key, url: URL.createObjectURL(await response.blob()) };
        else {
          const problem = ((await response.json().catch(() => undefined)) as TProblem | undefined) ?? { status: response.status, title: `The server answered ${response.status}.` };
          next = { ok: false, key: sent.key, problem: { ...problem, status: response.status } };
        }
      } catch (error) {
        next = { ok: false, key: sent.key, problem: { status: 0, title: `The preview could not be fetched (${error instanceof Error ? error.message : "network"}).` } };
      }
      inFlight.current = false;
      if (!alive.current) return;
      setShown((s) => {
        if (!next.ok) return { ...s, key: next.key, problem: next.problem };
        if (s.url) URL.revokeObjectURL(s.url);
        return { key: next.key, url: next.url, renders: s.renders + 1 };
      });
      if (latest.current.enabled && latest.current.key !== sent.key) void run();
    };
    void run();
  }, [key, endpoint, enabled]);

  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const state: TPdfPreview["state"] = !enabled ? (shown.url ? "ready" : "idle") : shown.key !== key ? "updating" : shown.problem ? "failed" : "ready";
  return { url: shown.url, state, problem: shown.key === key ? shown.problem : undefined, renders: shown.renders };
}
