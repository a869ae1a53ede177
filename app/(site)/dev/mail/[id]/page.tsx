import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { capturedMailVisible } from "@/lib/env";
import { readCapturedMail } from "@/lib/mail/captured-mail";
import { withDatabase } from "@/lib/http/with-database";

export const dynamic = "force-dynamic";

async function CapturedMessagePage({ params }: { params: Promise<{ id: string }> }) {
  if (!capturedMailVisible()) notFound();
  const { id } = await params;
  const mail = await readCapturedMail(await db(), id);
  if (!mail) notFound();
  const { parsed } = mail;
  const header = (name: string) => {
    const value = parsed.headers.get(name);
    if (!value) return "";
    if (typeof value === "string") return value;
    return "text" in (value as object) ? String((value as { text: string }).text) : JSON.stringify(value);
  };
  return (
    <section className="section captured-mail" lang="en">
      <p>
        <a href="/dev/mail">All captured mail</a>
      </p>
      <h1>{parsed.subject}</h1>
      <dl className="mail-headers">
        {["from", "to", "cc", "bcc", "reply-to", "message-id", "date"].map((name) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd data-header={name}>{header(name)}</dd>
          </div>
        ))}
      </dl>
      <h2>Text</h2>
      <pre className="mail-text" data-testid="mail-text">
        {parsed.text}
      </pre>
      {parsed.attachments.length ? (
        <>
          <h2>Attachments</h2>
          <ul>
            {parsed.attachments.map((a, i) => (
              <li key={i}>
                <a href={`/dev-mail-attachment/${mail.id}/${i}`}>{a.filename ?? `attachment ${i + 1}`}</a> ({a.contentType},{" "}
                {Math.round(a.size / 1024)} KB)
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {parsed.html ? (
        <>
          <h2>HTML</h2>
          <iframe className="mail-html" title="HTML version" sandbox="" srcDoc={parsed.html} />
        </>
      ) : null}
    </section>
  );
}

// A database gone away while it renders: a 503 page, not a 500 (lib/http/with-database.ts).
export default withDatabase(CapturedMessagePage);
