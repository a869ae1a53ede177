"use client";
import { useState } from "react";
import type { TCampaignerRole } from "@/lib/db/schema";
import { adminFetch } from "./admin-fetch";

type TRow = { id: string; name: string; email: string; role: TCampaignerRole; since: string };

/** The campaigners with their roles: an owner changes a role or removes someone (not the last owner). */
export function CampaignerList({ me, campaigners }: { me: string; campaigners: TRow[] }) {
  const [rows, setRows] = useState(campaigners);
  const [message, setMessage] = useState<string>();
  async function setRole(id: string, role: TCampaignerRole) {
    const result = await adminFetch(`/api/admin/campaigners/${id}`, { method: "PATCH", body: { role } });
    if (result.ok) {
      setRows((all) => all.map((r) => (r.id === id ? { ...r, role } : r)));
      setMessage("Role changed.");
    } else setMessage(result.problem.title);
  }
  async function remove(row: TRow) {
    if (!window.confirm(`Remove ${row.email}? They are signed out at once.`)) return;
    const result = await adminFetch(`/api/admin/campaigners/${row.id}`, { method: "DELETE" });
    if (result.ok) {
      setRows((all) => all.filter((r) => r.id !== row.id));
      setMessage(`${row.email} was removed.`);
    } else setMessage(result.problem.title);
  }
  return (
    <>
      <p role="status" aria-live="polite">
        {message}
      </p>
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Since</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id} data-campaigner={r.email}>
              <td>{r.name}</td>
              <td>{r.email}</td>
              <td>
                <select aria-label={`Role of ${r.email}`} value={r.role} onChange={(e) => setRole(r.id, e.target.value as TCampaignerRole)}>
                  <option value="owner">owner</option>
                  <option value="editor">editor</option>
                  <option value="viewer">viewer</option>
                </select>
              </td>
              <td>{r.since}</td>
              <td>
                {r.id === me ? (
                  "you"
                ) : (
                  <button type="button" className="button button--secondary" onClick={() => remove(r)}>
                    Remove <span className="visually-hidden">{r.email}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
