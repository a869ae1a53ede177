import { eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { SentPerDayChart } from "@/components/admin/numbers/sent-per-day-chart";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { campaigns } from "@/lib/db/schema";
import { LANGUAGE_NAMES, isLanguage } from "@/lib/i18n/languages";
import { countSubscribers } from "@/lib/news/list-subscribers";
import { campaignNumbers, type TCount } from "@/lib/numbers/campaign-numbers";
import { SLUG } from "@/lib/schemas/ids";
import "../numbers.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Numbers of a campaign" };

const CHANNELS: Record<string, string> = { email: "sent by us by email", mailto: "from the supporter's mail app", post: "printed and posted" };

function Breakdown({ id, title, column, rows, label = (r) => r.label }: { id: string; title: string; column: string; rows: TCount[]; label?: (r: TCount) => string }) {
  const total = rows.reduce((s, r) => s + r.count, 0);
  return (
    <section aria-labelledby={id} className="numbers-breakdown" data-testid={id}>
      <h3 id={id}>{title}</h3>
      {rows.length === 0 ? (
        <p className="muted">No letters yet.</p>
      ) : (
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{column}</th>
              <th scope="col">Letters</th>
              <th scope="col">Share</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.key}>
                <td>{label(r)}</td>
                <td>{r.count}</td>
                <td>{total ? `${Math.round((r.count / total) * 100)} %` : ""}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** One campaign's numbers: letters sent per day (SVG), the breakdowns, the funnel and the CSV exports. */
export default async function CampaignNumbersPage({ params }: { params: Promise<{ slug: string }> }) {
  const campaigner = await requireCampaigner();
  const { slug } = await params;
  if (!SLUG.test(slug)) notFound();
  const database = await db();
  const [row] = await database.select({ slug: campaigns.slug, content: campaigns.content, status: campaigns.status, testMode: campaigns.testMode }).from(campaigns).where(eq(campaigns.slug, slug));
  if (!row) notFound();
  const now = new Date();
  const owner = hasRole(campaigner.role, "owner");
  const [n, subscribers] = await Promise.all([campaignNumbers(database, slug, now), owner ? countSubscribers(database, slug) : Promise.resolve(0)]);
  const today = n.perDay.at(-1)!;
  const last30 = n.perDay.reduce((s, d) => s + d.count, 0);
  const f = n.funnel;
  const funnel: [string, number, string][] = [
    ["Previews", f.previews, "letters previewed (each preview asked of the server)"],
    ["Submissions", f.submissions, "supporters who pressed Send"],
    ["Confirmations", f.confirmations, "submissions confirmed (email links opened and pressed; mail app and post need none)"],
    ["Sent", f.sent, "letters sent by email or from the supporter's mail app"],
    ["Bounced", f.bounced, "letters whose email came back"],
    ["Posted", f.posted, "letters posted after they were printed"],
  ];
  return (
    <section>
      <p>
        <a href="/admin/numbers">← Numbers</a>
      </p>
      <h1>
        Numbers: {row.content.en.title} <span className={`admin-badge admin-badge--${row.status}`}>{row.status}</span>
      </h1>
      {row.testMode ? <p className="admin-notice">Test mode is on: the letters written in it are not counted here.</p> : null}
      <div className="numbers-summary">
        <p data-testid="letters-today">
          <strong>{today.count}</strong> {today.count === 1 ? "letter" : "letters"} sent today
        </p>
        <p>
          <strong>{last30}</strong> in the last {n.perDay.length} days
        </p>
        <p data-testid="confirmation-rate">
          <strong>{n.confirmationRate === null ? "–" : `${Math.round(n.confirmationRate * 100)} %`}</strong> of letters by email confirmed
        </p>
      </div>

      <h2>Letters sent per day</h2>
      <SentPerDayChart days={n.perDay} id="sent-per-day" />

      <h2 id="funnel-heading">From preview to letter</h2>
      <ol className="numbers-funnel" aria-labelledby="funnel-heading" data-testid="funnel">
        {funnel.map(([name, value, hint]) => (
          <li key={name} data-step={name.toLowerCase()}>
            <span className="numbers-funnel__value">{value}</span> <span className="numbers-funnel__name">{name}</span>
            <span className="field__hint"> {hint}</span>
          </li>
        ))}
      </ol>

      <h2>Letters that count, by</h2>
      <div className="numbers-grid">
        <Breakdown id="by-audience" title="By audience" column="Audience" rows={n.byAudience} />
        <Breakdown id="by-recipient" title="By official" column="Official" rows={n.byRecipient} />
        <Breakdown id="by-channel" title="By channel" column="Channel" rows={n.byChannel} label={(r) => CHANNELS[r.key] ?? r.key} />
        <Breakdown id="by-language" title="By language" column="Language" rows={n.byLanguage} label={(r) => (isLanguage(r.key) ? LANGUAGE_NAMES[r.key] : r.key)} />
        <Breakdown id="by-partner" title="By partner" column="Partner" rows={n.byPartner} />
      </div>

      <h2>Export</h2>
      <ul className="link-list">
        <li>
          <a href={`/api/admin/numbers/${slug}/csv`} download>
            The numbers as CSV
          </a>
        </li>
        {owner ? (
          <li>
            <a href={`/api/admin/numbers/${slug}/subscribers`} download>
              The {subscribers} {subscribers === 1 ? "supporter" : "supporters"} who asked for news, as CSV
            </a>{" "}
            <span className="field__hint">(names and emails: personal data, for owners; each download is in the audit log)</span>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
