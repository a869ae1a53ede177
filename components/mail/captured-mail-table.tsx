import type { listCapturedMail } from "@/lib/mail/captured-mail";

/** The captured messages, newest first, each linking to `${base}/<id>` (the admin's Mail, or /dev/mail). */
export function CapturedMailTable({ mail, base }: { mail: Awaited<ReturnType<typeof listCapturedMail>>; base: string }) {
  if (mail.length === 0) return <p>No mail yet.</p>;
  return (
    <table className="mail-table admin-table">
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
              <a href={`${base}/${m.id}`}>{m.subject || "(no subject)"}</a>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
