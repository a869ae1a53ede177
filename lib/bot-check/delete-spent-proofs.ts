import "server-only";
import { lt } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { spentBotProofs } from "@/lib/db/schema";

/** Spent proofs and form stamps whose challenge or stamp has expired: they could not pass again anyway (housekeeping). */
export async function deleteSpentProofs(db: TDb, now: Date): Promise<number> {
  const deleted = await db.delete(spentBotProofs).where(lt(spentBotProofs.expiresAt, now)).returning({ key: spentBotProofs.key });
  return deleted.length;
}
