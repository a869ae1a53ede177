import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listRecipients } from "@/lib/recipients/list-recipients";
import { recipientWarnings } from "@/lib/recipients/recipient-warnings";
import "../content-forms.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Recipients" };

/** The recipient directory, searchable, each with what needs re-checking and the campaigns writing to them. */
export default async function RecipientsPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const campaigner = await requireCampaigner();
  const q = [(await searchParams).q].flat()[0]?.slice(0, 200) ?? "";
  const rows = await listRecipients(await db(), q);
  const now = new Date();
  return (
    <section>
      <div className="admin-row admin-row--between">
        <h1>Recipients</h1>
        {hasRole(campaigner.role, "editor") ? (
          <a className="button" href="/admin/recipients/new">
            New recipient
          </a>
        ) : null}
      </div>
      <form className="search-form" method="get" action="/admin/recipients" role="search">
        <div className="field">
          <label htmlFor="recipient-search">Search the directory</label>
          <input id="recipient-search" name="q" type="search" defaultValue={q} placeholder="Name, role, organisation, country, email or id" />
        </div>
        <button type="submit" className="button button--quiet">
          Search
        </button>
      </form>
      <p role="status">
        {rows.length} recipient{rows.length === 1 ? "" : "s"}
        {q ? ` matching “${q}”` : ""}.
      </p>
      <div className="table-scroll">
        <table className="admin-table" data-testid="recipient-list">
          <caption className="visually-hidden">Recipients</caption>
          <thead>
            <tr>
              <th scope="col">Recipient</th>
              <th scope="col">Country</th>
              <th scope="col">Channels</th>
              <th scope="col">Verified on</th>
              <th scope="col">To check</th>
              <th scope="col">In audiences</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => {
              const warnings = recipientWarnings(r, now);
              return (
                <tr key={r.id} data-recipient-id={r.id}>
                  <td>
                    <a href={`/admin/recipients/${r.id}`}>{r.name ?? r.role.en}</a>
                    <br />
                    {r.name ? `${r.role.en}, ` : ""}
                    {r.organisation.en}
                    <br />
                    <code>{r.id}</code>
                  </td>
                  <td>{r.country}</td>
                  <td>{r.channels.join(", ")}</td>
                  <td>{r.verifiedOn}</td>
                  <td>
                    {warnings.map((w) => (
                      <span key={w.code} className="admin-badge admin-badge--warn" title={w.message}>
                        {w.code === "stale" ? "stale" : w.code === "suspect" ? "email suspect" : w.code === "emailCheck" ? "check email" : "check address"}
                      </span>
                    ))}
                  </td>
                  <td>
                    {r.audiences.map((a) => (
                      <div key={`${a.campaignSlug}/${a.audienceId}`}>
                        <a href={`/admin/campaigns/${a.campaignSlug}`}>{a.campaignSlug}</a> · {a.audienceId}
                      </div>
                    ))}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}
