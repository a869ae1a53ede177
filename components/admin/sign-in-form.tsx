"use client";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { adminFetch } from "./admin-fetch";

/** Asks for the campaigner's email and has better-auth mail them a magic link (captured at Admin → Mail by default). */
export function SignInForm({ next, captured }: { next: string; captured: boolean }) {
  const [email, setEmail] = useState("");
  const [state, setState] = useState<"idle" | "sending" | "sent">("idle");
  const [error, setError] = useState<string>();
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) {
      setError("Enter the email address you were invited with, like name@example.org.");
      return;
    }
    setError(undefined);
    setState("sending");
    const result = await adminFetch("/api/auth/sign-in/magic-link", { body: { email: email.trim(), callbackURL: next, errorCallbackURL: "/admin/sign-in?failed=1" } });
    if (!result.ok && result.problem.status !== 0 && result.problem.status < 500) {
      // better-auth answers the same for an unknown address as for a known one, except for its own rate limit.
      setError(result.problem.status === 429 ? "Too many sign-in links asked for: wait a minute and try again." : "That did not work: check the address and try again.");
      setState("idle");
      return;
    }
    if (!result.ok) {
      setError(result.problem.title);
      setState("idle");
      return;
    }
    setState("sent");
  }
  if (state === "sent") {
    return (
      <div role="status" className="admin-notice" tabIndex={-1} ref={(el) => el?.focus()}>
        <h2>Check your email</h2>
        <p>
          If <strong>{email.trim()}</strong> belongs to a campaigner, a sign-in link is on its way. It works once, for 15 minutes.
        </p>
        {captured ? (
          <p>
            Mail is captured on this server (SMTP_URL is not set): open <a href="/dev/mail">the captured mail</a> to find the link.
          </p>
        ) : null}
      </div>
    );
  }
  return (
    <form onSubmit={submit} noValidate method="post" action="#">
      <Field label="Email" error={error}>
        {(props) => <input {...props} type="email" name="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />}
      </Field>
      <button type="submit" className="button" disabled={state === "sending"}>
        Send me a sign-in link
      </button>
    </form>
  );
}
