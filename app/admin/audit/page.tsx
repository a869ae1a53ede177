import { desc } from "drizzle-orm";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { db } from "@/lib/db/client";
import { auditLog } from "@/lib/db/schema";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit log" };

/** Every write in the admin, newest first: who, when, what. Owners only. */
export default async function AuditPage() {
  await requireCampaigner("owner");
  const rows = await (await db()).select().from(auditLog).orderBy(desc(auditLog.at)).limit(500);
  return (
    <section>
      <h1>Audit log</h1>
      <p>Every change made in the admin or by an import, newest first (the last 500).</p>
      <table className="admin-table" data-testid="audit-log">
        <thead>
          <tr>
            <th scope="col">When (UTC)</th>
            <th scope="col">Who</th>
            <th scope="col">What</th>
            <th scope="col">Which</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.id}>
              <td>{r.at.toISOString().replace("T", " ").slice(0, 19)}</td>
              <td>{r.actor}</td>
              <td>
                {r.action} {r.entity}
              </td>
              <td>{r.key}</td>
              <td>{r.detail ? JSON.stringify(r.detail) : ""}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
