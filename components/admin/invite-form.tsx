"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { adminFetch, fieldErrors, type TProblem } from "./admin-fetch";

/** An owner invites a campaigner by email with a role; they get a sign-in link by mail. */
export function InviteForm() {
  const router = useRouter();
  const [form, setForm] = useState({ name: "", email: "", role: "editor" });
  const [problem, setProblem] = useState<TProblem>();
  const [done, setDone] = useState<string>();
  const errors = fieldErrors(problem);
  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const result = await adminFetch("/api/admin/campaigners", { body: { ...form, email: form.email.trim(), name: form.name.trim() } });
    if (result.ok) {
      setDone(`${form.email.trim()} is invited: a sign-in link is on its way to them.`);
      setProblem(undefined);
      setForm({ name: "", email: "", role: "editor" });
      // The list above is the server's: read it again (the form keeps its state).
      router.refresh();
    } else setProblem(result.problem);
  }
  return (
    <form onSubmit={submit} noValidate method="post" action="#" aria-label="Invite a campaigner">
      {problem && !problem.errors?.length ? (
        <p className="field__error" role="alert">
          {problem.title}
        </p>
      ) : null}
      <p role="status">{done}</p>
      <div className="admin-row">
        <Field label="Name" error={errors.name}>
          {(props) => <input {...props} name="name" value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />}
        </Field>
        <Field label="Email" error={errors.email}>
          {(props) => <input {...props} type="email" name="email" value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} />}
        </Field>
        <Field label="Role" error={errors.role}>
          {(props) => (
            <select {...props} name="role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
              <option value="editor">editor</option>
              <option value="viewer">viewer</option>
              <option value="owner">owner</option>
            </select>
          )}
        </Field>
        <button type="submit" className="button">
          Invite
        </button>
      </div>
    </form>
  );
}
