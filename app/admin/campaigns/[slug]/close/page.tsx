import { eq } from "drizzle-orm";
import { notFound } from "next/navigation";
import { CaseUpdateForm } from "@/components/admin/lifecycle/case-update-form";
import { requireCampaigner } from "@/lib/auth/require-campaigner";
import { hasRole } from "@/lib/auth/roles";
import { countQueue } from "@/lib/campaigns/cancel-queue";
import { db } from "@/lib/db/client";
import { campaigns } from "@/lib/db/schema";
import { LANGUAGES } from "@/lib/i18n/languages";
import { countSubscribers } from "@/lib/news/list-subscribers";
import { SLUG } from "@/lib/schemas/ids";
import "../../../content-forms.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Close a campaign" };

const letters = (n: number) => `${n} ${n === 1 ? "letter" : "letters"}`;

/**
 * Closing a campaign: what happens to its letters still waiting (cancelled, not sent), then the closing update that
 * the case page shows as the outcome, and the choice to email it to past senders who asked for news.
 */
export default async function CloseCampaignPage({ params }: { params: Promise<{ slug: string }> }) {
  const campaigner = await requireCampaigner();
  const { slug } = await params;
  if (!SLUG.test(slug)) notFound();
  const database = await db();
  const [[row], queue, subscribers] = await Promise.all([
    database.select({ status: campaigns.status, content: campaigns.content }).from(campaigns).where(eq(campaigns.slug, slug)),
    countQueue(database, slug),
    countSubscribers(database, slug),
  ]);
  if (!row) notFound();
  const canWrite = hasRole(campaigner.role, "editor");
  const waiting = queue.queued + queue.held + queue.awaitingConfirmation;
  return (
    <section className="admin-narrow">
      <p>
        <a href={`/admin/campaigns/${slug}`}>← {row.content.en.title}</a>
      </p>
      <h1>Close “{row.content.en.title}”</h1>
      {row.status === "closed" ? (
        <p className="admin-notice">
          This campaign is closed already. <a href={`/c/${slug}`}>Its public page</a> shows the outcome.
        </p>
      ) : row.status === "draft" ? (
        <p className="admin-notice">A draft was never live: there is nothing to close.</p>
      ) : (
        <>
          <div className="admin-notice" data-testid="close-queue">
            <p>
              <strong>
                {letters(queue.queued)} queued, {queue.held} held
              </strong>
              {queue.awaitingConfirmation > 0 ? `, and ${letters(queue.awaitingConfirmation)} waiting for their writers' confirmation` : ""}:{" "}
              {waiting === 0 ? "nothing waits to be sent." : `${waiting === 1 ? "it" : "they"} will be cancelled and not sent.`}
            </p>
            <p className="field__hint">
              Letters already sent or posted stay as they are. The public page keeps the case, its timeline and sources, shows the outcome below “This campaign
              is closed”, and takes no more letters. Supporters&apos; details are deleted after the campaign&apos;s retention period. An owner can reopen it.
            </p>
          </div>
          <CaseUpdateForm slug={slug} mode="close" languages={[...LANGUAGES]} subscribers={subscribers} today={new Date().toISOString().slice(0, 10)} canWrite={canWrite} />
          <p>
            <a href={`/c/${slug}`}>The public page</a>
          </p>
        </>
      )}
    </section>
  );
}
