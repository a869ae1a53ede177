/** An owner removes a campaigner (their sessions go with them); the last owner cannot be removed. */
import "server-only";
import { and, eq, ne } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { campaigners } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";

export async function otherOwners(tx: TDb, id: string): Promise<number> {
  return (await tx.select({ id: campaigners.id }).from(campaigners).where(and(eq(campaigners.role, "owner"), ne(campaigners.id, id)))).length;
}

export async function removeCampaigner(db: TDb, id: string, actor: string): Promise<void> {
  await db.transaction(async (tx) => {
    const [row] = await tx.select().from(campaigners).where(eq(campaigners.id, id));
    if (!row) throw new AppError("NOT_FOUND", "There is no such campaigner.");
    if (row.role === "owner" && (await otherOwners(tx, id)) === 0) throw new AppError("CONFLICT", "The last owner cannot be removed: make someone else owner first.");
    await tx.delete(campaigners).where(eq(campaigners.id, id));
    await recordAudit(tx, { actor, action: "remove", entity: "campaigner", key: id, detail: { email: row.email, role: row.role } });
  });
}
