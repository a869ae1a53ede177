/**
 * Puts a campaign in test mode or out of it (an operational switch like sending on hold: audited, not a content
 * version). While on, only signed-in campaigners can write and their letters go to themselves (lib/delivery/test-mode.ts).
 */
import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import { bumpRevision } from "@/lib/content/content-revision";
import type { TDb } from "@/lib/db/open";
import { campaigns } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";

export async function setTestMode(db: TDb, slug: string, on: boolean, actor: string): Promise<{ testMode: boolean; changed: boolean }> {
  return db.transaction(async (tx) => {
    const [current] = await tx.select({ testMode: campaigns.testMode }).from(campaigns).where(eq(campaigns.slug, slug)).for("update");
    if (!current) throw new AppError("NOT_FOUND", `There is no campaign "${slug}".`);
    if (current.testMode === on) return { testMode: on, changed: false };
    await tx.update(campaigns).set({ testMode: on }).where(eq(campaigns.slug, slug));
    // The campaign caches (case page, submissions) must see the switch on the next request.
    await bumpRevision(tx);
    await recordAudit(tx, { actor, action: on ? "test mode on" : "test mode off", entity: "campaign", key: slug });
    return { testMode: on, changed: true };
  });
}
