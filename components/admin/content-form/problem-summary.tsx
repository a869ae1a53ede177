"use client";
import { useEffect, useRef } from "react";
import type { TProblem } from "../admin-fetch";

/**
 * What a save was refused for, at the top of the form: the server's title and each field's path and message (each
 * also shown next to its field where there is one). Focused when it appears, so a keyboard user lands on it.
 */
export function ProblemSummary({ problem, clientErrors, attempt }: { problem?: TProblem; clientErrors: { path: string; message: string }[]; attempt: number }) {
  const ref = useRef<HTMLDivElement>(null);
  // Once per refused attempt, not on every keystroke that re-renders the form.
  useEffect(() => ref.current?.focus(), [attempt]);
  const errors = problem?.errors?.length ? problem.errors : clientErrors;
  if (!problem && clientErrors.length === 0) return null;
  return (
    <div className="problem-summary" role="alert" tabIndex={-1} ref={ref} data-testid="problem-summary">
      <p>
        <strong>{problem?.title ?? "Nothing was saved: please check the fields listed."}</strong> What you typed is still here.
      </p>
      {errors.length ? (
        <ul>
          {errors.map((e) => (
            <li key={`${e.path}:${e.message}`}>
              <code>{e.path}</code>: {e.message}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
