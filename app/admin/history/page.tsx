import { z } from "zod";
import { notFound } from "next/navigation";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { listVersions } from "@/lib/content/list-versions";
import { db } from "@/lib/db/client";

export const dynamic = "force-dynamic";
export const metadata = { title: "History" };

const ZQuery = z.object({ entity: z.enum(["campaign", "template", "recipient", "partner"]), key: z.string().min(1).max(300) });

const ENTITY_NAMES = { campaign: "Campaign", template: "Letter template", recipient: "Recipient", partner: "Partner" };

/** Every saved version of one piece of content, newest first: who saved it, when, and what it was. */
export default async function HistoryPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireCampaigner();
  const query = ZQuery.safeParse(await searchParams);
  if (!query.success) notFound();
  const { entity, key } = query.data;
  const versions = await listVersions(await db(), entity, key);
  if (versions.length === 0) notFound();
  const newestPublished = versions.find((v) => v.state === "published")?.id;
  return (
    <section>
      <h1>
        History: {ENTITY_NAMES[entity].toLowerCase()} <code>{key}</code>
      </h1>
      <table className="admin-table" data-testid="versions">
        <thead>
          <tr>
            <th scope="col">Version</th>
            <th scope="col">State</th>
            <th scope="col">Saved (UTC)</th>
            <th scope="col">By</th>
            <th scope="col">Note</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((v) => (
            <tr key={v.id} data-version={v.version}>
              <td>
                <a href={`/admin/history/${v.id}`}>Version {v.version}</a>
              </td>
              <td>
                {v.state === "draft" ? <span className="admin-badge admin-badge--warn">draft</span> : "published"}
                {v.id === newestPublished ? <span className="admin-badge">in use</span> : null}
              </td>
              <td>{v.createdAt.toISOString().replace("T", " ").slice(0, 19)}</td>
              <td>{v.author}</td>
              <td>{v.note}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
