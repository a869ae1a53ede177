/** An owner changes a campaigner's role; the last owner cannot stop being owner. Applies at the next request. */
import "server-only";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { campaigners, type TCampaignerRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { otherOwners } from "./remove-campaigner";

export async function changeRole(db: TDb, id: string, role: TCampaignerRole, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(campaigners).where(eq(campaigners.id, id));
    if (!row) throw new AppError("NOT_FOUND", "There is no such campaigner.");
    if (row.role === "owner" && role !== "owner" && (await otherOwners(tx, id)) === 0) throw new AppError("CONFLICT", "The last owner cannot stop being owner: make someone else owner first.");
    await tx.update(campaigners).set({ role, updatedAt: new Date() }).where(eq(campaigners.id, id));
    await recordAudit(tx, { actor, action: "change-role", entity: "campaigner", key: id, detail: { email: row.email, from: row.role, to: role } });
  });
}
