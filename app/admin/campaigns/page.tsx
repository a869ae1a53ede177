import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import { listCampaigns } from "@/lib/campaigns/list-campaigns";
import { db } from "@/lib/db/client";
import "../content-forms.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Campaigns" };

const history = (slug: string) => `/admin/history?entity=campaign&key=${encodeURIComponent(slug)}`;

/** Every campaign of every status, closed ones marked, with what its letters became. */
export default async function CampaignsPage() {
  const campaigner = await requireCampaigner();
  const rows = await listCampaigns(await db());
  return (
    <section>
      <div className="admin-row admin-row--between">
        <h1>Campaigns</h1>
        <p className="admin-row">
          {hasRole(campaigner.role, "editor") ? (
            <a className="button" href="/admin/campaigns/new">
              New campaign
            </a>
          ) : null}
          <a className="button button--quiet" href="/admin/campaigns/import-export">
            Import and export files
          </a>
        </p>
      </div>
      {rows.length === 0 ? <p className="admin-empty">No campaign yet.</p> : null}
      <div className="table-scroll">
        <table className="admin-table" data-testid="campaign-list">
          <caption className="visually-hidden">Campaigns with their status and letters</caption>
          <thead>
            <tr>
              <th scope="col">Campaign</th>
              <th scope="col">Status</th>
              <th scope="col">Written</th>
              <th scope="col">Waiting</th>
              <th scope="col">Sent</th>
              <th scope="col">Posted</th>
              <th scope="col">Open</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.slug} data-slug={c.slug} className={c.status === "closed" ? "row--closed" : undefined}>
                <td>
                  <a href={`/admin/campaigns/${c.slug}`}>{c.title}</a>
                  <br />
                  <code>{c.slug}</code>
                </td>
                <td>
                  <span className={`admin-badge admin-badge--${c.status}`}>{c.status}</span>
                  {c.sendingHeld ? (
                    <>
                      {" "}
                      <span className="admin-badge admin-badge--warn">sending on hold</span>
                    </>
                  ) : null}
                </td>
                <td>{c.counts.written}</td>
                <td>{c.counts.queued}</td>
                <td>{c.counts.sent}</td>
                <td>{c.counts.posted}</td>
                <td>
                  <ul className="link-list">
                    <li>
                      <a href={`/admin/campaigns/${c.slug}`}>
                        Edit<span className="visually-hidden"> {c.slug}</span>
                      </a>
                    </li>
                    <li>
                      <a href={`/admin/campaigns/${c.slug}/templates`}>
                        Templates<span className="visually-hidden"> of {c.slug}</span>
                      </a>
                    </li>
                    {c.status === "draft" ? null : (
                      <li>
                        <a href={`/c/${c.slug}`}>
                          Public page<span className="visually-hidden"> of {c.slug}</span>
                        </a>
                      </li>
                    )}
                    <li>
                      <a href={history(c.slug)}>
                        History<span className="visually-hidden"> of {c.slug}</span>
                      </a>
                    </li>
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="field__hint">
        Written: every letter supporters wrote, including those still awaiting their confirmation. Waiting: confirmed and queued for sending. Sent: by email, or from the supporter&apos;s own mail app. Posted: printed and
        posted by the supporter.
      </p>
    </section>
  );
}
