/**
 * Clears the suspect flag that hard bounces set on a recipient's email (lib/delivery/letter-outcomes.ts), with the
 * campaigner's reason in the audit log: the address was checked, or corrected, and may be written to again.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { recipients } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";

export async function clearSuspect(db: TDb, id: string, reason: string, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select({ emailSuspect: recipients.emailSuspect, hardFailures: recipients.hardFailures }).from(recipients).where(eq(recipients.id, id)).for("update");
    if (!current) throw new AppError("NOT_FOUND", `There is no recipient "${id}".`);
    await tx.update(recipients).set({ emailSuspect: false, hardFailures: 0, updatedAt: new Date() }).where(eq(recipients.id, id));
    await recordAudit(tx, { actor, action: "clear suspect", entity: "recipient", key: id, detail: { reason, hardFailures: current.hardFailures, wasSuspect: current.emailSuspect } });
  });
}
