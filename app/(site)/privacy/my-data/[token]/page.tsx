import type { Metadata } from "next";
import Link from "next/link";
import { db } from "@/lib/db/client";
import { countryName } from "@/lib/schemas/countries";
import { getFormatter, getLanguage, getTranslator } from "@/lib/i18n/server";
import { exportMailboxData } from "@/lib/privacy/export-mailbox-data";
import { findMailboxRequest } from "@/lib/privacy/find-mailbox-request";
import { withDatabase } from "@/lib/http/with-database";

export const dynamic = "force-dynamic";
// The address holds a live token: never indexed (and the site's Referrer-Policy keeps it from other sites).
export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * The emailed data link: shows everything stored about the mailbox, offers it as JSON and offers deletion. Opening
 * it changes nothing (a mail scanner may open it too): deleting takes the form's POST.
 */
async function MyDataViewPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ missing?: string }> }) {
  const { token } = await params;
  const { missing } = await searchParams;
  const language = await getLanguage();
  const t = getTranslator(language);
  const format = getFormatter(language);
  const database = await db();
  const now = new Date();
  const request = await findMailboxRequest(database, token, now);
  if (!request) return <InvalidLink language={language} />;
  const data = await exportMailboxData(database, request.email, now);
  // Times are shown in UTC (the server does not know the supporter's zone), and say so.
  const when = (d: Date) => format.dateTime(d, { year: "numeric", month: "long", day: "numeric", hour: "2-digit", minute: "2-digit", timeZoneName: "short" });
  const status = (s: string) => t(`thanks.status_${s}` as "thanks.status_sent");
  const base = `/privacy/my-data/${encodeURIComponent(token)}`;
  // Nothing but this request itself (its own emails are still listed below).
  const empty = data.actions.length === 0 && data.outbox.length === 0 && data.capturedMail.every((m) => m.kind === "my-data");

  return (
    <section className="section my-data">
      <h1>{t("myData.viewTitle")}</h1>
      <p className="lead">{t("myData.viewIntro", { email: data.mailbox, expires: when(request.expiresAt) })}</p>
      <p>
        <a className="button button--secondary" href={`${base}/download`} download>
          {t("myData.download")}
        </a>
      </p>
      {empty ? <p data-testid="my-data-nothing">{t("myData.nothing")}</p> : null}

      {data.actions.length ? (
        <>
          <h2>{t("myData.actionsTitle")}</h2>
          {data.actions.map((a) => (
            <article key={a.id} className="my-data__action" data-testid="my-data-action">
              <h3>{t("myData.actionHeading", { campaign: a.campaignSubject, date: when(a.createdAt) })}</h3>
              <dl className="my-data__fields">
                <dt>{t("myData.fieldName")}</dt>
                <dd>{a.name}</dd>
                <dt>{t("myData.fieldEmail")}</dt>
                <dd>{a.email}</dd>
                <dt>{t("myData.fieldCity")}</dt>
                <dd>{a.city}</dd>
                <dt>{t("myData.fieldCountry")}</dt>
                <dd>{countryName(a.country, language)}</dd>
                {a.postalAddress ? (
                  <>
                    <dt>{t("myData.fieldAddress")}</dt>
                    <dd className="my-data__pre">{a.postalAddress}</dd>
                  </>
                ) : null}
                {a.personalNote ? (
                  <>
                    <dt>{t("myData.fieldNote")}</dt>
                    <dd className="my-data__pre">{a.personalNote}</dd>
                  </>
                ) : null}
                <dt>{t("myData.fieldDelivery")}</dt>
                <dd>{t(`myData.delivery_${a.delivery}`)}</dd>
                <dt>{t("myData.fieldConsent")}</dt>
                <dd>{a.consent.updates ? t("myData.consentYes") : t("myData.consentNo")}</dd>
                <dt>{t("myData.fieldNetwork")}</dt>
                <dd>{a.ipHashStored ? t("myData.ipHashStored") : t("myData.ipHashNone")}</dd>
              </dl>
              <ul className="my-data__letters">
                {a.letters.map((l) => (
                  <li key={l.id} data-testid="my-data-letter">
                    <details>
                      <summary>{t("myData.letterTo", { recipient: l.recipientName ?? l.recipientId, status: status(l.status) })}</summary>
                      <p className="muted">{l.subject}</p>
                      <pre className="my-data__pre" aria-label={t("myData.letterText")}>{l.text}</pre>
                    </details>
                  </li>
                ))}
              </ul>
            </article>
          ))}
        </>
      ) : null}

      {data.outbox.length ? (
        <>
          <h2>{t("myData.outboxTitle")}</h2>
          <ul>
            {data.outbox.map((o) => (
              <li key={o.id}>
                {o.kind}, {when(o.createdAt)}
              </li>
            ))}
          </ul>
        </>
      ) : null}

      {data.capturedMail.length ? (
        <>
          <h2>{t("myData.mailTitle")}</h2>
          <p className="muted">{t("myData.mailIntro")}</p>
          <ul data-testid="my-data-mail">
            {data.capturedMail.map((m) => (
              <li key={m.id}>
                {m.subject} ({m.kind}, {when(m.createdAt)})
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h2>{t("myData.requestsTitle")}</h2>
      <ul>
        {data.dataRequests.map((r) => (
          <li key={r.createdAt.toISOString()}>{t("myData.requestLine", { date: when(r.createdAt) })}</li>
        ))}
      </ul>

      <h2>{t("myData.deleteTitle")}</h2>
      <p>{t("myData.deleteText")}</p>
      <form method="post" action={`${base}/delete`} className="my-data__delete">
        <div className={`check${missing === "confirm" ? " field--invalid" : ""}`}>
          <input type="checkbox" id="confirm-delete" name="confirm" value="yes" required aria-describedby={missing === "confirm" ? "confirm-delete-error" : undefined} />
          <label htmlFor="confirm-delete">{t("myData.deleteConfirm")}</label>
        </div>
        {missing === "confirm" ? (
          <p className="field__error" id="confirm-delete-error" role="alert">
            {t("myData.deleteConfirmMissing")}
          </p>
        ) : null}
        <button type="submit" className="button button--danger">
          {t("myData.deleteButton")}
        </button>
      </form>
    </section>
  );
}

function InvalidLink({ language }: { language: Parameters<typeof getTranslator>[0] }) {
  const t = getTranslator(language);
  return (
    <section className="section">
      <h1>{t("myData.invalidTitle")}</h1>
      <p>{t("myData.invalid")}</p>
      <p>
        <Link href="/privacy/my-data">{t("myData.askAgain")}</Link>
      </p>
    </section>
  );
}

// A database gone away while it renders: a 503 page, not a 500 (lib/http/with-database.ts).
export default withDatabase(MyDataViewPage);
