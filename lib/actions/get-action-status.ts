import "server-only";
import { asc, eq, sql } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { actions, letters, recipients } from "@/lib/db/schema";
import { ALREADY_WRITTEN } from "./confirm-action";
import { isUuid } from "@/lib/schemas/ids";

/**
 * What the thank-you page shows of one action: its letters, to whom, how and where they are. The action id is the
 * capability (a random UUID known only to the supporter). Of the supporter only the address the confirmation link
 * went to (for "check your email"), which the public API leaves out.
 */
export async function getActionStatus(db: TDb, actionId: string) {
  if (!isUuid(actionId)) return undefined;
  const [action] = await db
    .select({
      id: actions.id,
      campaignSlug: actions.campaignSlug,
      status: actions.status,
      delivery: actions.delivery,
      country: actions.country,
      pageLanguage: actions.pageLanguage,
      confirmationEmail: sql<string | null>`case when ${actions.delivery} = 'email' then ${actions.supporterEmail} end`,
    })
    .from(actions)
    .where(eq(actions.id, actionId));
  if (!action) return undefined;
  const rows = await db
    .select({
      id: letters.id,
      recipientId: letters.recipientId,
      channel: letters.channel,
      status: letters.status,
      lastError: letters.lastError,
      subject: letters.subject,
      body: letters.body,
      paper: letters.page,
      name: recipients.name,
      role: recipients.role,
      email: recipients.email,
      country: recipients.country,
    })
    .from(letters)
    .innerJoin(recipients, eq(recipients.id, letters.recipientId))
    .where(eq(letters.actionId, actionId))
    .orderBy(asc(letters.createdAt), asc(letters.id));
  return {
    ...action,
    letters: rows.map(({ paper, lastError, ...row }) => ({
      ...row,
      // Why a letter was not sent, when that is the supporter's own doing: told to them, and only to them.
      reason: row.status === "cancelled" && lastError === ALREADY_WRITTEN ? ("already-written" as const) : undefined,
      paper: paper.paper,
      // An official's email is only needed for the supporter's own mail app.
      email: row.channel === "mailto" ? row.email : null,
    })),
  };
}

export type TActionStatus = NonNullable<Awaited<ReturnType<typeof getActionStatus>>>;
