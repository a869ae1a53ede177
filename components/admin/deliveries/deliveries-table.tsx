"use client";
import { useState } from "react";
import type { TDeliveryFilters, TLetterSelection } from "@/lib/schemas/deliveries";
import { LetterActions } from "./letter-actions";

export type TDeliveryTableRow = {
  id: string;
  written: string;
  official: string;
  recipientId: string;
  campaignSlug: string;
  audienceId: string;
  status: string;
  channel: string;
  language: string;
  attempts: number;
  lastError: string | null;
};

const STATUS_BADGE: Record<string, string> = { failed: "admin-badge--warn", bounced: "admin-badge--warn", held: "admin-badge--warn", sent: "admin-badge--live" };

/**
 * One page of letters with a tick box each, and the bulk actions for the ticked letters or for every letter the
 * filters match (all pages). Without a campaigner who may act (`canWrite`), the boxes and actions are not shown.
 */
export function DeliveriesTable({ rows, total, filters, canWrite }: { rows: TDeliveryTableRow[]; total: number; filters: TDeliveryFilters; canWrite: boolean }) {
  const [ticked, setTicked] = useState<string[]>([]);
  const [scope, setScope] = useState<"ticked" | "all">("ticked");
  const selection: TLetterSelection | null = scope === "all" ? (total > 0 ? { filter: filters } : null) : ticked.length ? { ids: ticked } : null;
  const toggle = (id: string, on: boolean) => setTicked((now) => (on ? [...now, id] : now.filter((x) => x !== id)));
  const allTicked = rows.length > 0 && rows.every((r) => ticked.includes(r.id));
  return (
    <>
      {canWrite ? (
        <fieldset className="bulk-bar">
          <legend>Act on</legend>
          <label className="check-inline">
            <input type="radio" name="scope" checked={scope === "ticked"} onChange={() => setScope("ticked")} /> the ticked letters ({ticked.length})
          </label>
          <label className="check-inline">
            <input type="radio" name="scope" checked={scope === "all"} onChange={() => setScope("all")} /> {total === 1 ? "the 1 letter" : `all ${total} letters`} matching the filters
          </label>
          <LetterActions key={`${scope}:${ticked.join(",")}`} selection={selection} scope={scope === "all" ? "the matching letters" : "the ticked letters"} />
        </fieldset>
      ) : null}
      <div className="table-scroll">
        <table className="admin-table stack-table" data-testid="delivery-list">
          <caption className="visually-hidden">Letters</caption>
          <thead>
            <tr>
              {canWrite ? (
                <th scope="col">
                  <input type="checkbox" aria-label="Tick every letter on this page" checked={allTicked} onChange={(e) => setTicked(e.target.checked ? rows.map((r) => r.id) : [])} />
                </th>
              ) : null}
              <th scope="col">Written</th>
              <th scope="col">Official</th>
              <th scope="col">Campaign · audience</th>
              <th scope="col">Status</th>
              <th scope="col">Channel</th>
              <th scope="col">Tries</th>
              <th scope="col">Last reply</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id} data-letter-id={r.id}>
                {canWrite ? (
                  <td>
                    <input type="checkbox" aria-label={`Tick the letter to ${r.official} written ${r.written}`} checked={ticked.includes(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} />
                  </td>
                ) : null}
                <td data-label="Written" className="delivery-written">
                  <a href={`/admin/deliveries/${r.id}`}>{r.written}</a>
                </td>
                <td data-label="Official">{r.official}</td>
                <td data-label="Campaign">
                  {r.campaignSlug} · {r.audienceId}
                </td>
                <td data-label="Status">
                  <span className={`admin-badge ${STATUS_BADGE[r.status] ?? ""}`}>{r.status}</span>
                </td>
                <td data-label="Channel">
                  {r.channel} · {r.language}
                </td>
                <td data-label="Tries">{r.attempts}</td>
                <td data-label="Last reply" className="last-reply">
                  {r.lastError ?? ""}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
