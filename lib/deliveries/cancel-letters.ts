/**
 * Cancels letters that have not left (queued, or held for a suspect address): the worker never sends them. Audited
 * with how many changed; letters claimed or sent meanwhile are left alone by the SQL guard.
 */
import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { letters } from "@/lib/db/schema";
import type { TLetterSelection } from "@/lib/schemas/deliveries";
import { BULK_ACTIONS } from "./bulk-letter-actions";
import { auditSelection } from "./retry-letters";
import { selectedLetters } from "./select-letters";

export async function cancelLetters(db: TDb, selection: TLetterSelection, actor: string, now = new Date()): Promise<{ changed: number }> {
  return db.transaction(async (tx) => {
    const where = await selectedLetters(tx, selection, BULK_ACTIONS.cancel.from);
    const changed =
      where === null
        ? []
        : await tx.update(letters).set({ status: "cancelled", nextAttemptAt: null, lockedUntil: null, updatedAt: now }).where(where).returning({ id: letters.id });
    await recordAudit(tx, { actor, action: "cancel letters", entity: "letters", detail: { selection: auditSelection(selection), changed: changed.length } });
    return { changed: changed.length };
  });
}
