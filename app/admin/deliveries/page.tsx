import { asc } from "drizzle-orm";
import { SendingHeldSwitch } from "@/components/admin/campaign-form/sending-held-switch";
import { DeliveriesTable } from "@/components/admin/deliveries/deliveries-table";
import { LetterActions } from "@/components/admin/deliveries/letter-actions";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { audiences, campaigns, recipients } from "@/lib/db/schema";
import { listLetters } from "@/lib/deliveries/list-letters";
import { listSuspectRecipients } from "@/lib/deliveries/list-suspect-recipients";
import { filtersFromQuery, filtersToQuery, LETTER_CHANNELS, LETTER_STATUSES } from "@/lib/schemas/deliveries";
import "../content-forms.css";
import "./deliveries.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Deliveries" };

const when = (d: Date) => d.toISOString().slice(0, 16).replace("T", " ");

/**
 * Every letter, filtered by what a campaigner looks for and paged in the database; the bulk actions (retry, cancel)
 * with a confirm step that names the count; the campaign's sending switch; and the officials whose address is
 * suspect, with the relay's last replies. The filters are a GET form, so they work without JavaScript.
 */
export default async function DeliveriesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const campaigner = await requireCampaigner();
  const canWrite = hasRole(campaigner.role, "editor");
  const { filters, page, invalid } = filtersFromQuery(await searchParams);
  const database = await db();
  const [list, campaignRows, audienceRows, recipientRows, suspects] = await Promise.all([
    listLetters(database, filters, { page }),
    database.select({ slug: campaigns.slug, sendingHeld: campaigns.sendingHeld }).from(campaigns).orderBy(asc(campaigns.slug)),
    database.selectDistinct({ id: audiences.id }).from(audiences).orderBy(asc(audiences.id)),
    database.select({ id: recipients.id, name: recipients.name, role: recipients.role }).from(recipients).orderBy(asc(recipients.id)),
    listSuspectRecipients(database),
  ]);
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  const campaign = filters.campaign ? campaignRows.find((c) => c.slug === filters.campaign) : undefined;
  const heldCampaigns = campaignRows.filter((c) => c.sendingHeld);
  const first = list.total === 0 ? 0 : (list.page - 1) * list.pageSize + 1;
  const last = Math.min(list.total, list.page * list.pageSize);
  return (
    <section className="deliveries">
      <h1>Deliveries</h1>
      <form className="delivery-filters" method="get" action="/admin/deliveries" role="search" aria-label="Filter the letters">
        <div className="field field--wide">
          <label htmlFor="f-q">Official</label>
          <input id="f-q" name="q" type="search" defaultValue={filters.q ?? ""} placeholder="Name, role, organisation or email" />
        </div>
        <Select id="f-campaign" name="campaign" label="Campaign" value={filters.campaign} options={campaignRows.map((c) => [c.slug, c.slug])} />
        <Select id="f-audience" name="audience" label="Audience" value={filters.audience} options={audienceRows.map((a) => [a.id, a.id])} />
        <Select id="f-recipient" name="recipient" label="Recipient" value={filters.recipient} options={recipientRows.map((r) => [r.id, r.name ?? r.role.en ?? r.id])} />
        <Select id="f-status" name="status" label="Status" value={filters.status} options={LETTER_STATUSES.map((s) => [s, s])} />
        <Select id="f-channel" name="channel" label="Channel" value={filters.channel} options={LETTER_CHANNELS.map((c) => [c, c])} />
        <Select id="f-language" name="language" label="Language" value={filters.language} options={["en", "fr", "ru", "kk"].map((l) => [l, l])} />
        <div className="field">
          <label htmlFor="f-from">Written from</label>
          <input id="f-from" name="from" type="date" defaultValue={filters.from ?? ""} />
        </div>
        <div className="field">
          <label htmlFor="f-to">to</label>
          <input id="f-to" name="to" type="date" defaultValue={filters.to ?? ""} />
        </div>
        <div className="delivery-filters__buttons">
          <button type="submit" className="button">
            Filter
          </button>
          <a href="/admin/deliveries">Clear the filters</a>
        </div>
      </form>
      {invalid.length ? (
        <p className="field__error" role="alert">
          Not used, the value is not valid: {invalid.join(", ")}.
        </p>
      ) : null}

      {campaign ? <SendingHeldSwitch key={campaign.slug} slug={campaign.slug} held={campaign.sendingHeld} canWrite={canWrite} /> : null}
      <p className="field__hint">
        {heldCampaigns.length
          ? `Sending on hold: ${heldCampaigns.map((c) => c.slug).join(", ")}. `
          : "No campaign's sending is on hold. "}
        Choose a campaign in the filters to pause or resume its sending.
      </p>

      <p role="status" data-testid="delivery-count">
        {list.total === 0 ? "No letter matches." : `Letters ${first}–${last} of ${list.total}.`}
      </p>
      <DeliveriesTable
        rows={list.rows.map((r) => ({
          id: r.id,
          written: when(r.createdAt),
          official: r.official,
          recipientId: r.recipientId,
          campaignSlug: r.campaignSlug,
          audienceId: r.audienceId,
          status: r.status,
          channel: r.channel,
          language: r.language,
          attempts: r.attempts,
          lastError: r.lastError,
        }))}
        total={list.total}
        filters={filters}
        canWrite={canWrite}
      />
      {pages > 1 ? (
        <nav className="admin-row pager" aria-label="Pages of letters">
          {list.page > 1 ? <a href={`/admin/deliveries?${filtersToQuery(filters, { page: String(list.page - 1) })}`}>← Newer</a> : null}
          <span>
            Page {list.page} of {pages}
          </span>
          {list.page < pages ? <a href={`/admin/deliveries?${filtersToQuery(filters, { page: String(list.page + 1) })}`}>Older →</a> : null}
        </nav>
      ) : null}

      <section aria-labelledby="suspect-heading" className="suspects" data-testid="suspect-list">
        <h2 id="suspect-heading">Suspect addresses</h2>
        {suspects.length === 0 ? (
          <p className="admin-empty">No official&apos;s address is suspect.</p>
        ) : (
          <>
            <p className="field__hint">Letters to these officials are held, not sent, until the flag is cleared (on the official&apos;s page) or the letters are cancelled.</p>
            <ul className="suspect-list">
              {suspects.map((s) => (
                <li key={s.id} data-recipient-id={s.id}>
                  <p>
                    <strong>{s.name}</strong> <code>{s.email}</code> · {s.hardFailures} hard failures · {s.held} held
                  </p>
                  {s.lastReplies.length ? (
                    <ul>
                      {s.lastReplies.map((r, i) => (
                        <li key={i}>
                          {when(r.at)} {r.outcome}: <span className="last-reply">{r.reply}</span>
                        </li>
                      ))}
                    </ul>
                  ) : null}
                  <p className="admin-row">
                    <a href={`/admin/recipients/${s.id}`}>Check and clear the flag</a>
                    <a href={`/admin/deliveries?${filtersToQuery({ recipient: s.id, status: "held" })}`}>See its held letters</a>
                  </p>
                  {canWrite && s.held > 0 ? <LetterActions selection={{ filter: { recipient: s.id, status: "held" } }} scope="its letters" actions={["cancel"]} labels={{ cancel: "Cancel its held letters…" }} /> : null}
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
    </section>
  );
}

function Select({ id, name, label, value, options }: { id: string; name: string; label: string; value?: string; options: [string, string][] }) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={value ?? ""}>
        <option value="">any</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}
