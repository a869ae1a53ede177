/** The admin's save of a partner: validated by the partner file's schema, published as a new version. */
import "server-only";
import type { TDb } from "@/lib/db/open";
import { applyDoc, type TApplied } from "./apply-doc";
import { ZPartnerDoc } from "./docs";
import { invalidDoc } from "./invalid-doc";

export async function savePartner(db: TDb, input: unknown, author: string, note?: string): Promise<TApplied & { code: string }> {
  const parsed = ZPartnerDoc.safeParse(input);
  if (!parsed.success) throw invalidDoc(parsed.error);
  // `active` is written only when the partner is not: a file without it is an active partner.
  const { active, ...rest } = parsed.data;
  const doc = active === false ? { ...rest, active } : rest;
  const applied = await db.transaction((tx) => applyDoc(tx, "partner", doc.code, doc, { author, note }));
  return { ...applied, code: doc.code };
}
