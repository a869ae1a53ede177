/**
 * The letters a bulk action is for (ticked ids, or every letter the filters match), narrowed to the statuses the
 * action may change. Shared by the confirm step's count and by the change itself, so the number a campaigner
 * confirmed is computed from the same condition as the rows that change.
 */
import "server-only";
import { and, inArray, type SQL } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { letters } from "@/lib/db/schema";
import type { TLetterSelection } from "@/lib/schemas/deliveries";
import { lettersWhere } from "./letters-where";

export type TLetterStatus = (typeof letters.$inferSelect)["status"];

/** The condition, or null when nothing can match. */
export async function selectedLetters(db: TDb, selection: TLetterSelection, statuses: readonly TLetterStatus[]): Promise<SQL | null> {
  const chosen = "ids" in selection ? inArray(letters.id, selection.ids) : await lettersWhere(db, selection.filter);
  if (chosen === null) return null;
  return and(chosen, inArray(letters.status, [...statuses]))!;
}
