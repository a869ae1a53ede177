/** One partner's row by its code, or undefined (the admin's partner pages). */
import "server-only";
import { eq } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { partners } from "@/lib/db/schema";

export async function getPartner(db: TDb, code: string) {
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(code) || code.length > 100) return undefined;
  const [row] = await db.select().from(partners).where(eq(partners.code, code));
  return row;
}
