"use client";
import { useState } from "react";
import type { FieldValues, UseFormReturn } from "react-hook-form";
import { adminFetch, type TProblem } from "../admin-fetch";

/**
 * Saving one piece of content from its editor: sends the doc, and on a refusal keeps the problem for the summary,
 * counts the attempt (the summary takes the focus again on each one) and puts each field error next to its field.
 * Nothing typed is touched. `saved` is the editor's line in its status region after a save.
 */
export function useSaveDoc(form: UseFormReturn<FieldValues>) {
  const [problem, setProblem] = useState<TProblem>();
  const [attempt, setAttempt] = useState(0);
  const [saved, setSaved] = useState<string>();

  async function send<T>(url: string, method: "POST" | "PUT", body: unknown): Promise<T | undefined> {
    setSaved(undefined);
    const result = await adminFetch<T>(url, { method, body });
    if (!result.ok) {
      setProblem(result.problem);
      setAttempt((n) => n + 1);
      for (const e of result.problem.errors ?? []) form.setError(e.path, { type: "server", message: e.message });
      return undefined;
    }
    setProblem(undefined);
    return result.data;
  }

  /** After a save: what was saved becomes the form's baseline; the values on screen stay as typed. */
  function settle(message: string) {
    form.reset(form.getValues(), { keepValues: true });
    setSaved(message);
  }

  /** The browser's own check refused the form: its errors are in the fields; the summary lists them. */
  function refused() {
    setProblem(undefined);
    setAttempt((n) => n + 1);
  }

  return { problem, attempt, saved, send, settle, refused };
}
