/**
 * Puts a campaign's sending on hold or lets it go on: the queue stops sending its letters whatever the campaign's
 * status (lib/campaigns/status-lifecycle.ts). Not a content version: it is an operational switch, so it goes to the
 * audit log only, in the same transaction.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { campaigns } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";

export async function setSendingHeld(db: TDb, slug: string, held: boolean, actor: string): Promise<{ sendingHeld: boolean; changed: boolean }> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ sendingHeld: campaigns.sendingHeld }).from(campaigns).where(eq(campaigns.slug, slug)).for("update");
    if (!current) throw new AppError("NOT_FOUND", `There is no campaign "${slug}".`);
    if (current.sendingHeld === held) return { sendingHeld: held, changed: false };
    await tx.update(campaigns).set({ sendingHeld: held }).where(eq(campaigns.slug, slug));
    await recordAudit(tx, { actor, action: held ? "hold sending" : "resume sending", entity: "campaign", key: slug });
    return { sendingHeld: held, changed: true };
  });
}
