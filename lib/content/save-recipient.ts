/** The admin's save of a recipient: validated by the file schema, published as a new version. */
import "server-only";
import type { TDb } from "@/lib/db/open";
import { applyDoc, type TApplied } from "./apply-doc";
import { ZRecipientDoc } from "./docs";
import { invalidDoc } from "./invalid-doc";

export async function saveRecipient(db: TDb, input: unknown, author: string, note?: string): Promise<TApplied & { id: string }> {
  const parsed = ZRecipientDoc.safeParse(input);
  if (!parsed.success) throw invalidDoc(parsed.error);
  const doc = parsed.data;
  const applied = await db.transaction((tx) => applyDoc(tx, "recipient", doc.id, doc, { author, note }));
  return { ...applied, id: doc.id };
}
