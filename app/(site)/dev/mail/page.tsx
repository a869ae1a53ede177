import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { capturedMailVisible } from "@/lib/env";
import { listCapturedMail } from "@/lib/mail/captured-mail";
import { withDatabase } from "@/lib/http/with-database";

export const dynamic = "force-dynamic";
export const metadata = { title: "Captured mail" };

/** For the local operator of the embedded default: the mail the app would have sent. Absent when SMTP_URL is set. */
async function CapturedMailPage() {
  if (!capturedMailVisible()) notFound();
  const mail = await listCapturedMail(await db());
  return (
    <section className="section" lang="en">
      <h1>Captured mail</h1>
      <p className="muted">
        SMTP_URL is not set, so nothing is sent: every message the app would send is kept here instead. Set SMTP_URL to send
        for real. This page exists only while mail is captured and PUBLIC_URL is unset or local.
      </p>
      {mail.length === 0 ? (
        <p>No mail yet.</p>
      ) : (
        <table className="mail-table">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Kind</th>
              <th scope="col">To</th>
              <th scope="col">Subject</th>
            </tr>
          </thead>
          <tbody>
            {mail.map((m) => (
              <tr key={m.id}>
                <td>{m.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
                <td>{m.kind}</td>
                <td>{m.to}</td>
                <td>
                  <a href={`/dev/mail/${m.id}`}>{m.subject || "(no subject)"}</a>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

// A database gone away while it renders: a 503 page, not a 500 (lib/http/with-database.ts).
export default withDatabase(CapturedMailPage);
