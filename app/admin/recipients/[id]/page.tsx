import { eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { RecipientForm } from "@/components/admin/recipient-form/recipient-form";
import { SuspectPanel } from "@/components/admin/recipient-form/suspect-panel";
import { TestLetterButton } from "@/components/admin/recipient-form/test-letter-button";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import type { TRecipientDoc } from "@/lib/content/docs";
import { readPublished } from "@/lib/content/read-doc";
import { db } from "@/lib/db/client";
import { recipients } from "@/lib/db/schema";
import { SLUG } from "@/lib/schemas/ids";
import { listRecipients } from "@/lib/recipients/list-recipients";
import "../../content-forms.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Edit recipient" };

export default async function EditRecipientPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ created?: string }> }) {
  const campaigner = await requireCampaigner();
  const { id } = await params;
  if (!SLUG.test(id)) notFound();
  const database = await db();
  const [version, [row], listed] = await Promise.all([
    readPublished(database, "recipient", id),
    database.select({ emailSuspect: recipients.emailSuspect, hardFailures: recipients.hardFailures }).from(recipients).where(eq(recipients.id, id)),
    listRecipients(database, id),
  ]);
  if (!version || !row) notFound();
  const doc = version.doc as TRecipientDoc;
  const canWrite = hasRole(campaigner.role, "editor");
  const audiences = listed.find((r) => r.id === id)?.audiences ?? [];
  return (
    <section>
      <p>
        <a href="/admin/recipients">← Recipients</a>
      </p>
      <h1>{typeof doc.name === "object" ? doc.name.en : (doc.name ?? doc.role.en)}</h1>
      {(await searchParams).created ? <p role="status">Added to the directory. Add them to a campaign&apos;s audience from the campaign&apos;s editor.</p> : null}
      <p className="admin-row">
        <a href={`/admin/history?entity=recipient&key=${encodeURIComponent(id)}`}>History (version {version.version})</a>
        <span>
          In:{" "}
          {audiences.length
            ? audiences.map((a) => (
                <a key={`${a.campaignSlug}/${a.audienceId}`} href={`/admin/campaigns/${a.campaignSlug}`}>
                  {a.campaignSlug} ({a.audienceId}){" "}
                </a>
              ))
            : "no campaign yet"}
        </span>
      </p>
      <div className="recipient-layout">
        <RecipientForm key={version.id} initial={doc} mode="edit" canWrite={canWrite} today={new Date().toISOString().slice(0, 10)} />
        <aside>
          <TestLetterButton id={id} email={campaigner.email} canWrite={canWrite} />
          <SuspectPanel id={id} suspect={row.emailSuspect} hardFailures={row.hardFailures} canWrite={canWrite} />
        </aside>
      </div>
    </section>
  );
}
