import "server-only";
import { desc, eq } from "drizzle-orm";
import { simpleParser } from "mailparser";
import type { TDb } from "@/lib/db/open";
import { capturedMail } from "@/lib/db/schema";
import { isUuid } from "@/lib/schemas/ids";

/** The captured messages, newest first (the embedded default keeps mail instead of sending it). */
export async function listCapturedMail(db: TDb, limit = 200) {
  return db
    .select({ id: capturedMail.id, kind: capturedMail.kind, to: capturedMail.to, from: capturedMail.from, subject: capturedMail.subject, createdAt: capturedMail.createdAt })
    .from(capturedMail)
    .orderBy(desc(capturedMail.createdAt))
    .limit(limit);
}

export async function readCapturedMail(db: TDb, id: string) {
  if (!isUuid(id)) return undefined;
  const [row] = await db.select().from(capturedMail).where(eq(capturedMail.id, id));
  if (!row) return undefined;
  const parsed = await simpleParser(row.raw);
  return { ...row, parsed };
}
