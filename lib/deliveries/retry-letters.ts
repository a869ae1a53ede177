/**
 * Puts failed email letters back in the queue, due at once, for the worker's next pass; audited with how many
 * changed. Letters that are no longer failed (sent meanwhile, cancelled) are left alone by the SQL guard.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { letters } from "@/lib/db/schema";
import type { TLetterSelection } from "@/lib/schemas/deliveries";
import { BULK_ACTIONS } from "./bulk-letter-actions";
import { selectedLetters } from "./select-letters";

export async function retryLetters(db: TDb, selection: TLetterSelection, actor: string, now = new Date()): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    const where = await selectedLetters(tx, selection, BULK_ACTIONS.retry.from);
    const changed =
      where === null
        ? []
        : await tx
            .update(letters)
            .set({ status: "queued", nextAttemptAt: now, lockedUntil: null, updatedAt: now })
            .where(and(where, eq(letters.channel, "email")))
            .returning({ id: letters.id });
    await recordAudit(tx, { actor, action: "retry letters", entity: "letters", detail: { selection: auditSelection(selection), changed: changed.length } });
    return { changed: changed.length };
  });
}

/** The selection as the audit log keeps it: the filter, or the ids (a long list is cut, the count stays). */
export function auditSelection(selection: TLetterSelection): Record<string, unknown> {
  if ("filter" in selection) return { filter: selection.filter };
  return { ids: selection.ids.slice(0, 50), idCount: selection.ids.length };
}
