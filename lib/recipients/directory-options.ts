/** The directory as choices for a campaign's audiences: each recipient's id and how a campaigner recognises them. */
import "server-only";
import { asc } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { recipients } from "@/lib/db/schema";

export async function directoryOptions(db: TDb): Promise<{ id: string; label: string }[]> {
  const rows = await db.select({ id: recipients.id, name: recipients.name, role: recipients.role, country: recipients.country }).from(recipients).orderBy(asc(recipients.id));
  return rows.map((r) => ({ id: r.id, label: [r.name, r.role.en, r.country].filter(Boolean).join(", ") }));
}
