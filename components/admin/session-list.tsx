"use client";
import { useEffect, useState } from "react";

type TSession = { id: string; token: string; createdAt: string; updatedAt: string; expiresAt: string; userAgent?: string | null; ipAddress?: string | null };

/** The campaigner's sessions from better-auth (list-sessions), each with a button that ends it (revoke-session). */
export function SessionList({ current }: { current: string }) {
  const [sessions, setSessions] = useState<TSession[]>();
  const [message, setMessage] = useState<string>();
  const [version, setVersion] = useState(0);
  useEffect(() => {
    let live = true;
    fetch("/api/auth/list-sessions")
      .then(async (response) => (response.ok ? ((await response.json()) as TSession[]) : []))
      .catch(() => [] as TSession[])
      .then((list) => {
        if (live) setSessions(list);
      });
    return () => {
      live = false;
    };
  }, [version]);
  async function revoke(session: TSession) {
    const response = await fetch("/api/auth/revoke-session", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ token: session.token }) });
    if (session.id === current) {
      window.location.assign("/admin/sign-in");
      return;
    }
    setMessage(response.ok ? "That session has ended." : "That session could not be ended; try again.");
    setVersion((v) => v + 1);
  }
  if (!sessions) return <p>Loading…</p>;
  return (
    <>
      <p role="status" aria-live="polite">
        {message}
      </p>
      <table className="admin-table" data-testid="sessions">
        <thead>
          <tr>
            <th scope="col">Browser</th>
            <th scope="col">Signed in</th>
            <th scope="col">Last seen</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sessions.map((s) => (
            <tr key={s.id} data-session={s.id === current ? "current" : "other"}>
              <td>
                {s.userAgent ?? "unknown browser"} {s.id === current ? <strong>(this one)</strong> : null}
              </td>
              <td>{new Date(s.createdAt).toISOString().replace("T", " ").slice(0, 16)}</td>
              <td>{new Date(s.updatedAt).toISOString().replace("T", " ").slice(0, 16)}</td>
              <td>
                <button type="button" className="button button--secondary" onClick={() => revoke(s)}>
                  {s.id === current ? "Sign out here" : "End this session"}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
