"use client";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { adminFetch, fieldErrors, type TProblem } from "./admin-fetch";

/** The first start's setup: the opener gives their name and email, becomes the owner and is signed in at once. */
export function SetupForm({ token }: { token: string }) {
  const [email, setEmail] = useState("");
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<TProblem>();
  const [busy, setBusy] = useState(false);
  const errors = fieldErrors(problem);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await adminFetch<{ next: string }>("/api/setup", { body: { token, email: email.trim(), name: name.trim() } });
    setBusy(false);
    if (result.ok) window.location.assign(result.data.next);
    else setProblem(result.problem);
  }
  return (
    <form onSubmit={submit} noValidate method="post" action="#">
      {problem && !problem.errors?.length ? (
        <p className="field__error" role="alert">
          {problem.title}
        </p>
      ) : null}
      <Field label="Your name" error={errors.name}>
        {(props) => <input {...props} name="name" autoComplete="name" value={name} onChange={(e) => setName(e.target.value)} required />}
      </Field>
      <Field label="Email" hint="You sign in with links sent to this address." error={errors.email}>
        {(props) => <input {...props} type="email" name="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} required />}
      </Field>
      <button type="submit" className="button" disabled={busy}>
        Become the owner
      </button>
    </form>
  );
}
