"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { adminFetch, fieldErrors, type TProblem } from "./admin-fetch";
import { ShownOnce } from "./shown-once";

type TKey = { id: string; name: string; prefix: string; createdAt: string; createdBy: string; lastUsedAt: string | null; revokedAt: string | null };

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "never");

/** A partner's API keys: an owner makes one (shown once) and revokes one (after saying so twice). */
export function PartnerKeys({ code, keys, canWrite }: { code: string; keys: TKey[]; canWrite: boolean }) {
  const router = useRouter();
  const [name, setName] = useState("");
  const [problem, setProblem] = useState<TProblem>();
  const [made, setMade] = useState<{ name: string; key: string }>();
  const [confirming, setConfirming] = useState<string>();
  const [message, setMessage] = useState<string>();
  const errors = fieldErrors(problem);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    const result = await adminFetch<{ name: string; key: string }>(`/api/admin/partners/${code}/keys`, { body: { name: name.trim() } });
    if (result.ok) {
      setMade({ name: result.data.name, key: result.data.key });
      setProblem(undefined);
      setName("");
      router.refresh();
    } else setProblem(result.problem);
  }
  async function revoke(key: TKey) {
    const result = await adminFetch(`/api/admin/partners/${code}/keys/${key.id}`, { method: "DELETE" });
    setConfirming(undefined);
    if (result.ok) {
      setMessage(`The key “${key.name}” is revoked: it no longer works.`);
      router.refresh();
    } else setMessage(result.problem.title);
  }

  return (
    <>
      {made ? (
        <ShownOnce label={`New key “${made.name}”`} value={made.key} note="copy it now and keep it on the partner's server: it is not shown again." />
      ) : null}
      <p role="status" aria-live="polite">
        {message}
      </p>
      {keys.length === 0 ? (
        <p className="admin-empty">No keys yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Key</th>
                <th scope="col">Made</th>
                <th scope="col">Last used</th>
                <th scope="col">State</th>
                {canWrite ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} data-key={k.name}>
                  <td>{k.name}</td>
                  <td>
                    <code>{k.prefix}…</code>
                  </td>
                  <td>
                    {when(k.createdAt)}
                    <br />
                    <span className="muted">by {k.createdBy}</span>
                  </td>
                  <td>{when(k.lastUsedAt)}</td>
                  <td>{k.revokedAt ? <span className="admin-badge admin-badge--closed">revoked {when(k.revokedAt)}</span> : <span className="admin-badge">live</span>}</td>
                  {canWrite ? (
                    <td>
                      {k.revokedAt ? null : confirming === k.id ? (
                        <span className="admin-row">
                          <button type="button" className="button button--danger" onClick={() => revoke(k)}>
                            Yes, revoke “{k.name}”
                          </button>
                          <button type="button" className="button button--secondary" onClick={() => setConfirming(undefined)}>
                            Keep it
                          </button>
                        </span>
                      ) : (
                        <button type="button" className="button button--secondary" onClick={() => setConfirming(k.id)}>
                          Revoke <span className="visually-hidden">{k.name}</span>
                        </button>
                      )}
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWrite ? (
        <form onSubmit={create} noValidate method="post" action="#" aria-labelledby="new-key-title">
          <h2 id="new-key-title">Make a key</h2>
          {problem && !problem.errors?.length ? (
            <p className="field__error" role="alert">
              {problem.title}
            </p>
          ) : null}
          <div className="admin-row">
            <Field label="Name" hint="What uses it, e.g. “CRM sync”." error={errors.name}>
              {(props) => <input {...props} name="name" value={name} onChange={(e) => setName(e.target.value)} />}
            </Field>
            <button type="submit" className="button">
              Make key
            </button>
          </div>
        </form>
      ) : (
        <p className="admin-empty">Only an owner makes and revokes keys.</p>
      )}
    </>
  );
}
