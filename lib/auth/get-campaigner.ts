/** The campaigner a request's session cookie belongs to, or undefined (no cookie, expired, revoked, removed). */
import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/lib/db/client";
import { campaigners, type TCampaignerRole } from "@/lib/db/schema";
import { getAuth } from "./auth";

export type TCampaigner = { id: string; email: string; name: string; role: TCampaignerRole; sessionId: string };

export async function getCampaigner(headers: Headers): Promise<TCampaigner | undefined> {
  const auth = await getAuth();
  const session = await auth.api.getSession({ headers });
  if (!session) return undefined;
  // The role is read from the table on every request, so a change by an owner applies at once.
  const [row] = await (await db()).select().from(campaigners).where(eq(campaigners.id, session.user.id));
  if (!row) return undefined;
  return { id: row.id, email: row.email, name: row.name, role: row.role, sessionId: session.session.id };
}
