import type { readCapturedMail } from "@/lib/mail/captured-mail";

/** One captured message: its headers, text, attachments (at `${attachments}/<index>`) and HTML in a sandbox. */
export function CapturedMessage({ mail, back, attachments }: { mail: NonNullable<Awaited<ReturnType<typeof readCapturedMail>>>; back: string; attachments: string }) {
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
        <a href={back}>All captured mail</a>
      </p>
      <h1>{parsed.subject}</h1>
      <dl className="mail-headers">
        {["from", "to", "cc", "bcc", "reply-to", "message-id", "date"].map((name) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd data-header={name}>{header(name)}</dd>
          </div>
        ))}
        {parsed.headers.get("list") ? (
          <div>
            <dt>list</dt>
            {/* List-Unsubscribe and List-Unsubscribe-Post, as the mail parser groups them. */}
            <dd data-header="list">{header("list")}</dd>
          </div>
        ) : null}
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
                <a href={`${attachments}/${i}`}>{a.filename ?? `attachment ${i + 1}`}</a> ({a.contentType}, {Math.round(a.size / 1024)} KB)
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
