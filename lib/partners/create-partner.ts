/**
 * A new partner from the admin: like savePartner, but refused when the code is taken, so "New partner" can never
 * overwrite a partner that exists.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { savePartner } from "@/lib/content/save-partner";
import type { TDb } from "@/lib/db/open";
import { partners } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";

export async function createPartner(db: TDb, input: unknown, author: string): Promise<{ code: string; version: number }> {
  const code = (input as { code?: unknown } | null)?.code;
  if (typeof code === "string") {
    const [taken] = await db.select({ code: partners.code }).from(partners).where(eq(partners.code, code));
    if (taken) throw new AppError("INVALID_INPUT", "This could not be saved: please check the fields listed.", [{ path: "code", code: "taken", message: `a partner "${code}" exists already` }]);
  }
  return savePartner(db, input, author);
}
