"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Field } from "@/components/ui/field";
import { WEBHOOK_EVENTS, type TWebhookEvent } from "@/lib/db/schema";
import { adminFetch, fieldErrors, type TProblem } from "./admin-fetch";
import { ShownOnce } from "./shown-once";

type TEndpoint = { id: string; url: string; events: TWebhookEvent[]; active: boolean; createdAt: string; createdBy: string };
type TDelivery = {
  id: string;
  url: string;
  eventType: string;
  createdAt: string;
  attempts: number;
  state: "delivered" | "retrying" | "failed" | "sending";
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
};

const when = (iso: string | null) => (iso ? `${iso.slice(0, 16).replace("T", " ")} UTC` : "");
const BADGE: Record<TDelivery["state"], string> = { delivered: "admin-badge admin-badge--live", retrying: "admin-badge admin-badge--warn", failed: "admin-badge admin-badge--closed", sending: "admin-badge" };

/** A partner's webhook endpoints and the delivery log: add (secret shown once), turn off/on, test, redeliver. */
export function PartnerWebhooks({ code, endpoints, deliveries, canWrite }: { code: string; endpoints: TEndpoint[]; deliveries: TDelivery[]; canWrite: boolean }) {
  const router = useRouter();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<TWebhookEvent[]>(["action.confirmed", "letter.sent"]);
  const [problem, setProblem] = useState<TProblem>();
  const [made, setMade] = useState<{ url: string; secret: string }>();
  const [message, setMessage] = useState<string>();
  const errors = fieldErrors(problem);

  async function create(event: React.FormEvent) {
    event.preventDefault();
    const result = await adminFetch<{ url: string; secret: string }>(`/api/admin/partners/${code}/webhooks`, { body: { url: url.trim(), events } });
    if (result.ok) {
      setMade(result.data);
      setProblem(undefined);
      setUrl("");
      router.refresh();
    } else setProblem(result.problem);
  }
  async function act(path: string, body: unknown, done: string) {
    const result = await adminFetch(path, { method: body === undefined ? "POST" : "PATCH", body: body ?? {} });
    setMessage(result.ok ? done : result.problem.title);
    if (result.ok) router.refresh();
  }
  const toggle = (name: TWebhookEvent, on: boolean) => setEvents((all) => (on ? [...all, name] : all.filter((e) => e !== name)));

  return (
    <>
      {made ? <ShownOnce label={`Signing secret for ${made.url}`} value={made.secret} note="give it to the partner to verify signatures: it is not shown again." /> : null}
      <p role="status" aria-live="polite">
        {message}
      </p>
      <h2>Endpoints</h2>
      {endpoints.length === 0 ? (
        <p className="admin-empty">No endpoints yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">URL</th>
                <th scope="col">Events</th>
                <th scope="col">State</th>
                {canWrite ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {endpoints.map((e) => (
                <tr key={e.id} data-endpoint={e.url}>
                  <td>
                    <code className="wrap-anywhere">{e.url}</code>
                    <br />
                    <span className="muted">
                      added {when(e.createdAt)} by {e.createdBy}
                    </span>
                  </td>
                  <td>{e.events.join(", ")}</td>
                  <td>{e.active ? <span className="admin-badge admin-badge--live">on</span> : <span className="admin-badge admin-badge--closed">off</span>}</td>
                  {canWrite ? (
                    <td>
                      <span className="admin-row">
                        <button type="button" className="button button--secondary" onClick={() => act(`/api/admin/partners/${code}/webhooks/${e.id}/test`, undefined, "A test event is on its way: see the log below.")}>
                          Send test event <span className="visually-hidden">to {e.url}</span>
                        </button>
                        <button type="button" className="button button--secondary" onClick={() => act(`/api/admin/partners/${code}/webhooks/${e.id}`, { active: !e.active }, e.active ? "The endpoint is off." : "The endpoint is on.")}>
                          {e.active ? "Turn off" : "Turn on"} <span className="visually-hidden">{e.url}</span>
                        </button>
                      </span>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canWrite ? (
        <form onSubmit={create} noValidate method="post" action="#" aria-labelledby="new-endpoint-title">
          <h2 id="new-endpoint-title">Add an endpoint</h2>
          {problem && !problem.errors?.some((e) => e.path === "url" || e.path === "events") ? (
            <p className="field__error" role="alert">
              {problem.title}
            </p>
          ) : null}
          <Field label="URL" hint="https:// on the partner's server; private network addresses are refused." error={errors.url}>
            {(props) => <input {...props} type="url" name="url" value={url} onChange={(e) => setUrl(e.target.value)} />}
          </Field>
          <fieldset className="field">
            <legend>Events</legend>
            {WEBHOOK_EVENTS.map((name) => (
              <label key={name} className="check">
                <input type="checkbox" checked={events.includes(name)} onChange={(e) => toggle(name, e.target.checked)} /> <code>{name}</code>
              </label>
            ))}
            {errors.events ? (
              <p className="field__error" role="alert">
                {errors.events}
              </p>
            ) : null}
          </fieldset>
          <button type="submit" className="button">
            Add endpoint
          </button>
        </form>
      ) : null}
      <h2>Delivery log</h2>
      {deliveries.length === 0 ? (
        <p className="admin-empty">Nothing sent yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">Event</th>
                <th scope="col">When</th>
                <th scope="col">State</th>
                <th scope="col">Tries</th>
                <th scope="col">Last answer</th>
                {canWrite ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <tr key={d.id} data-delivery={d.id}>
                  <td>
                    <code>{d.eventType}</code>
                    <br />
                    <span className="muted wrap-anywhere">{d.url}</span>
                  </td>
                  <td>{when(d.createdAt)}</td>
                  <td>
                    <span className={BADGE[d.state]}>{d.state}</span>
                    {d.state === "retrying" && d.nextAttemptAt ? <span className="muted"> next {when(d.nextAttemptAt)}</span> : null}
                  </td>
                  <td>{d.attempts}</td>
                  <td className="wrap-anywhere">{d.lastError ?? (d.lastStatus ? `HTTP ${d.lastStatus}` : "")}</td>
                  {canWrite ? (
                    <td>
                      <button type="button" className="button button--secondary" onClick={() => act(`/api/admin/partners/${code}/webhook-deliveries/${d.id}/redeliver`, undefined, "Queued again.")}>
                        Redeliver <span className="visually-hidden">{d.eventType} of {when(d.createdAt)}</span>
                      </button>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
