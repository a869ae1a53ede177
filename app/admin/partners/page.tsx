import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { listPartners } from "@/lib/partners/list-partners";
import "../content-forms.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Partners" };

/** The partner organisations that embed the form: where their embeds may appear and the letters that came through. */
export default async function PartnersPage() {
  const campaigner = await requireCampaigner();
  const rows = await listPartners(await db());
  return (
    <section>
      <div className="admin-row admin-row--between">
        <h1>Partners</h1>
        {hasRole(campaigner.role, "owner") ? (
          <a className="button" href="/admin/partners/new">
            New partner
          </a>
        ) : null}
      </div>
      <p>
        Partners put a campaign&apos;s form on their own site (<code>embed.js</code>, see docs/partners.md). Only their allowed origins may frame it; the letters sent through it are
        counted here.
      </p>
      {rows.length === 0 ? (
        <p className="admin-empty">No partner yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table" data-testid="partner-list">
            <caption className="visually-hidden">Partners</caption>
            <thead>
              <tr>
                <th scope="col">Partner</th>
                <th scope="col">Allowed origins</th>
                <th scope="col">State</th>
                <th scope="col">Letters</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={p.code} data-partner-code={p.code}>
                  <td>
                    <a href={`/admin/partners/${p.code}`}>{p.name}</a>
                    <br />
                    <code>{p.code}</code>
                  </td>
                  <td>{p.allowedOrigins.length ? p.allowedOrigins.map((o) => <div key={o}>{o}</div>) : <span className="muted">none: nobody can frame its embed</span>}</td>
                  <td>{p.active ? "active" : <span className="admin-badge admin-badge--warn">inactive</span>}</td>
                  <td data-testid="partner-letters">{p.letters}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
