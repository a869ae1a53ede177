/**
 * Writes the validated content files into the database. By default only what is not there yet is added, so edits
 * made in the database are never overwritten; `overwrite` (TEMPLATES_RELOAD=true) replaces the database copy of
 * everything the files hold. Actions and letters are never touched.
 */
import "server-only";
import { and, eq, sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { audienceRecipients, audiences, campaigns, letterTemplates, recipients } from "@/lib/db/schema";
import type { TContent } from "@/lib/templates/load-content";

export type TSyncResult = { campaigns: number; recipients: number; audiences: number; letterTemplates: number };

const DEFAULT_SETTINGS = { hourlyCap: 30, dailyCap: 300, retentionDays: 180 };

export async function syncContent(db: TDb, content: TContent, options: { overwrite?: boolean } = {}): Promise<TSyncResult> {
  const overwrite = options.overwrite ?? false;
  const added: TSyncResult = { campaigns: 0, recipients: 0, audiences: 0, letterTemplates: 0 };

  await db.transaction(async (tx) => {
    for (const { file, ...r } of content.recipients) {
      // A name given per script is kept whole for letters; its English (Latin) form names the envelope and headers.
      const names = typeof r.name === "object" ? r.name : null;
      const row = {
        id: r.id,
        kind: r.kind,
        name: (typeof r.name === "object" ? r.name.en : r.name) ?? null,
        names,
        role: r.role,
        organisation: r.organisation,
        country: r.country,
        address: r.address ?? null,
        envelopeName: r.envelopeName ?? null,
        servesCountries: r.servesCountries ?? [],
        email: r.email ?? null,
        emailCheck: r.emailCheck ?? null,
        addressCheck: r.addressCheck ?? null,
        channels: r.channels,
        salutation: r.salutation,
        timeZone: r.timeZone ?? null,
        source: r.source,
        verifiedOn: r.verifiedOn,
        notes: r.notes ?? null,
        loadedFrom: file,
      };
      const insert = tx.insert(recipients).values(row);
      const done = overwrite
        ? await insert.onConflictDoUpdate({ target: recipients.id, set: { ...row, updatedAt: new Date() } }).returning({ id: recipients.id })
        : await insert.onConflictDoNothing().returning({ id: recipients.id });
      added.recipients += done.length;
    }

    for (const bundle of content.campaigns) {
      const c = bundle.campaign;
      const row = {
        slug: c.slug,
        status: c.status,
        subject: c.subject,
        defaultLanguage: c.defaultLanguage,
        content: bundle.content,
        source: c.source,
        timeline: c.timeline,
        caseStatus: c.caseStatus,
        updates: c.updates ?? [],
        settings: {
          hourlyCap: c.hourlyCap ?? DEFAULT_SETTINGS.hourlyCap,
          dailyCap: c.dailyCap ?? DEFAULT_SETTINGS.dailyCap,
          retentionDays: c.retentionDays ?? DEFAULT_SETTINGS.retentionDays,
        },
        loadedFrom: bundle.file,
      };
      // When the campaign became closed in this database: retention counts from then (lib/privacy/apply-retention.ts).
      // A reload keeps the first closing time, and a reopened campaign has none.
      const insert = tx.insert(campaigns).values({ ...row, closedAt: c.status === "closed" ? new Date() : null });
      const closedAt = sql`case when excluded.status = 'closed' then coalesce(${campaigns.closedAt}, now()) else null end`;
      const done = overwrite
        ? await insert.onConflictDoUpdate({ target: campaigns.slug, set: { ...row, closedAt, updatedAt: new Date() } }).returning({ slug: campaigns.slug })
        : await insert.onConflictDoNothing().returning({ slug: campaigns.slug });
      added.campaigns += done.length;

      for (const [position, a] of c.audiences.entries()) {
        const audienceRow = { campaignSlug: c.slug, id: a.id, position, title: a.title, defaultLanguage: a.defaultLanguage, demands: a.demands };
        const insertAudience = tx.insert(audiences).values(audienceRow);
        const audienceDone = overwrite
          ? await insertAudience
              .onConflictDoUpdate({ target: [audiences.campaignSlug, audiences.id], set: audienceRow })
              .returning({ id: audiences.id })
          : await insertAudience.onConflictDoNothing().returning({ id: audiences.id });
        added.audiences += audienceDone.length;
        // The list of recipients is written with a new audience, or replaced on reload; never merged into an edited one.
        if (audienceDone.length === 0) continue;
        if (overwrite) {
          await tx
            .delete(audienceRecipients)
            .where(and(eq(audienceRecipients.campaignSlug, c.slug), eq(audienceRecipients.audienceId, a.id)));
        }
        await tx.insert(audienceRecipients).values(
          a.recipients.map((recipientId, i) => ({
            campaignSlug: c.slug,
            audienceId: a.id,
            recipientId,
            position: i,
            preselected: a.preselected ? a.preselected.includes(recipientId) : true,
          })),
        );
      }

      for (const l of bundle.letters) {
        const letterRow = {
          campaignSlug: c.slug,
          audienceId: l.audienceId,
          language: l.language,
          subjects: l.subjects,
          body: l.body,
          review: l.review ?? null,
          loadedFrom: l.file,
        };
        const insertLetter = tx.insert(letterTemplates).values(letterRow);
        const letterDone = overwrite
          ? await insertLetter
              .onConflictDoUpdate({
                target: [letterTemplates.campaignSlug, letterTemplates.audienceId, letterTemplates.language],
                set: { ...letterRow, updatedAt: new Date() },
              })
              .returning({ id: letterTemplates.id })
          : await insertLetter.onConflictDoNothing().returning({ id: letterTemplates.id });
        added.letterTemplates += letterDone.length;
      }
    }
  });
  return added;
}
