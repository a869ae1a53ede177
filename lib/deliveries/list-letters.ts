/**
 * One page of the Deliveries table: the letters the filters match, newest first, with the official each went to,
 * and how many match in all. Paged in the database (LIMIT/OFFSET on an indexed order), never in the page.
 */
import "server-only";
import { count, desc, eq } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { letters, recipients } from "@/lib/db/schema";
import { DELIVERIES_PAGE_SIZE, type TDeliveryFilters } from "@/lib/schemas/deliveries";
import { lettersWhere } from "./letters-where";

export type TDeliveryRow = {
  id: string;
  createdAt: Date;
  campaignSlug: string;
  audienceId: string;
  recipientId: string;
  official: string;
  status: (typeof letters.$inferSelect)["status"];
  channel: (typeof letters.$inferSelect)["channel"];
  language: string;
  attempts: number;
  lastError: string | null;
  sentAt: Date | null;
  nextAttemptAt: Date | null;
};

export async function listLetters(
  db: TDb,
  filters: TDeliveryFilters,
  options: { page?: number; pageSize?: number } = {},
): Promise<{ rows: TDeliveryRow[]; total: number; page: number; pageSize: number }> {
  const pageSize = options.pageSize ?? DELIVERIES_PAGE_SIZE;
  const page = Math.max(1, options.page ?? 1);
  const where = await lettersWhere(db, filters);
  if (where === null) return { rows: [], total: 0, page, pageSize };
  const [found, [counted]] = await Promise.all([
    db
      .select({
        id: letters.id,
        createdAt: letters.createdAt,
        campaignSlug: letters.campaignSlug,
        audienceId: letters.audienceId,
        recipientId: letters.recipientId,
        name: recipients.name,
        role: recipients.role,
        status: letters.status,
        channel: letters.channel,
        language: letters.language,
        attempts: letters.attempts,
        lastError: letters.lastError,
        sentAt: letters.sentAt,
        nextAttemptAt: letters.nextAttemptAt,
      })
      .from(letters)
      .innerJoin(recipients, eq(recipients.id, letters.recipientId))
      .where(where)
      .orderBy(desc(letters.createdAt), desc(letters.id))
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    db.select({ n: count() }).from(letters).where(where),
  ]);
  return {
    rows: found.map(({ name, role, ...row }) => ({ ...row, official: name ?? role.en ?? row.recipientId })),
    total: counted?.n ?? 0,
    page,
    pageSize,
  };
}
