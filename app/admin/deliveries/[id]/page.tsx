import { notFound } from "next/navigation";
import { LetterActions } from "@/components/admin/deliveries/letter-actions";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import { db } from "@/lib/db/client";
import { getLetter } from "@/lib/deliveries/get-letter";
import { isUuid } from "@/lib/schemas/ids";
import "../../content-forms.css";
import "../deliveries.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Letter" };

const when = (d: Date | null) => (d ? `${d.toISOString().slice(0, 19).replace("T", " ")} UTC` : "—");

/**
 * One letter: its tries with each relay reply, its Message-ID, the template version it was written from, the text
 * and PDF as frozen at submission, and who wrote it (the supporter's email only for owners and editors).
 */
export default async function LetterPage({ params }: { params: Promise<{ id: string }> }) {
  const campaigner = await requireCampaigner();
  const { id } = await params;
  if (!isUuid(id)) notFound();
  const canWrite = hasRole(campaigner.role, "editor");
  const found = await getLetter(await db(), id, { withSupporterEmail: canWrite });
  if (!found) notFound();
  const { letter, attempts, official, supporter, template } = found;
  return (
    <section className="deliveries">
      <p>
        <a href="/admin/deliveries">← Deliveries</a>
      </p>
      <h1>
        Letter to {official.name} <span className="admin-badge">{letter.status}</span>
      </h1>
      <dl className="letter-facts">
        <dt>Official</dt>
        <dd>
          <a href={`/admin/recipients/${official.id}`}>{official.name}</a> {official.email ? <code>{official.email}</code> : null}{" "}
          {official.emailSuspect ? <span className="admin-badge admin-badge--warn">email suspect</span> : null}
        </dd>
        <dt>Campaign · audience</dt>
        <dd>
          <a href={`/admin/campaigns/${letter.campaignSlug}`}>{letter.campaignSlug}</a> · {letter.audienceId}
        </dd>
        <dt>Channel · language</dt>
        <dd>
          {letter.channel} · {letter.language}
        </dd>
        <dt>Written</dt>
        <dd>{when(letter.createdAt)}</dd>
        <dt>Sent</dt>
        <dd>{when(letter.sentAt)}</dd>
        {letter.status === "queued" ? (
          <>
            <dt>Next try</dt>
            <dd>{letter.nextAttemptAt ? when(letter.nextAttemptAt) : "as soon as the sender runs"}</dd>
          </>
        ) : null}
        <dt>Message-ID</dt>
        <dd>
          <code data-testid="message-id">{letter.messageId ?? "—"}</code>
        </dd>
        <dt>Template version</dt>
        <dd>
          {template ? (
            <a href={`/admin/history/${template.versionId}`}>version {template.version}</a>
          ) : letter.templateVersionId ? (
            <code>{letter.templateVersionId}</code>
          ) : (
            "not recorded"
          )}
        </dd>
        <dt>Supporter</dt>
        <dd data-testid="supporter">
          {supporter.anonymised ? (
            "removed (the supporter's data was deleted)"
          ) : (
            <>
              {supporter.name}, {supporter.city} ({supporter.country}){supporter.email ? <> · {supporter.email}</> : null}
            </>
          )}
          {supporter.partner ? ` · through ${supporter.partner}` : ""}
        </dd>
      </dl>

      {canWrite && ["failed", "queued", "held"].includes(letter.status) ? (
        <LetterActions
          selection={{ ids: [letter.id] }}
          scope="this letter"
          actions={letter.status === "failed" ? ["retry"] : ["cancel"]}
          labels={{ retry: "Retry this letter…", cancel: "Cancel this letter…" }}
        />
      ) : null}

      <h2>Tries</h2>
      {attempts.length === 0 ? (
        <p className="admin-empty">No try yet.</p>
      ) : (
        <div className="table-scroll">
          <table className="admin-table stack-table" data-testid="attempts">
            <caption className="visually-hidden">Tries to deliver this letter</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Outcome</th>
                <th scope="col">Reply</th>
                <th scope="col">Message-ID</th>
              </tr>
            </thead>
            <tbody>
              {attempts.map((a) => (
                <tr key={a.id}>
                  <td data-label="When">{when(a.at)}</td>
                  <td data-label="Outcome">{a.outcome}</td>
                  <td data-label="Reply" className="last-reply">
                    {a.reply ?? ""}
                  </td>
                  <td data-label="Message-ID" className="last-reply">
                    {a.messageId ?? ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <h2>The letter</h2>
      {supporter.anonymised ? (
        <p className="admin-empty">The text was deleted with the supporter&apos;s data.</p>
      ) : (
        <>
          <p>
            <a href={`/api/admin/letters/${letter.id}/pdf`}>Open the PDF</a>
          </p>
          <p>
            <strong>{letter.subject}</strong>
          </p>
          <div className="letter-text" data-testid="letter-text">
            {letter.body}
          </div>
        </>
      )}
    </section>
  );
}
