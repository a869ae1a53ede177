/**
 * A new recipient from the admin: like saveRecipient, but refused when the id is taken, so "New recipient" can never
 * overwrite someone already in the directory.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { saveRecipient } from "@/lib/content/save-recipient";
import type { TDb } from "@/lib/db/open";
import { recipients } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";

export async function createRecipient(db: TDb, input: unknown, author: string): Promise<{ id: string }> {
  const id = (input as { id?: unknown } | null)?.id;
  if (typeof id === "string") {
    const [taken] = await db.select({ id: recipients.id }).from(recipients).where(eq(recipients.id, id));
    if (taken) throw new AppError("INVALID_INPUT", "This could not be saved: please check the fields listed.", [{ path: "id", code: "taken", message: `a recipient "${id}" exists already` }]);
  }
  return saveRecipient(db, input, author);
}
