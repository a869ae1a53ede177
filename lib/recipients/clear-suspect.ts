/**
 * Clears the suspect flag that hard bounces set on a recipient's email (lib/delivery/letter-outcomes.ts), with the
 * campaigner's reason in the audit log: the address was checked, or corrected, and may be written to again. The
 * letters held while it was suspect (lib/delivery/claim-letters.ts) go back to the queue, due at once.
 */
import "server-only";
import { and, eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { letters, recipients } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";

export async function clearSuspect(db: TDb, id: string, reason: string, actor: string, now = new Date()): Promise<{ released: number }> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ emailSuspect: recipients.emailSuspect, hardFailures: recipients.hardFailures }).from(recipients).where(eq(recipients.id, id)).for("update");
    if (!current) throw new AppError("NOT_FOUND", `There is no recipient "${id}".`);
    await tx.update(recipients).set({ emailSuspect: false, hardFailures: 0, updatedAt: now }).where(eq(recipients.id, id));
    const released = await tx
      .update(letters)
      .set({ status: "queued", nextAttemptAt: now, updatedAt: now })
      .where(and(eq(letters.recipientId, id), eq(letters.status, "held")))
      .returning({ id: letters.id });
    await recordAudit(tx, {
      actor,
      action: "clear suspect",
      entity: "recipient",
      key: id,
      detail: { reason, hardFailures: current.hardFailures, wasSuspect: current.emailSuspect, releasedLetters: released.length },
    });
    return { released: released.length };
  });
}
