/** An owner adds a campaigner with a role and mails them a sign-in link (the same magic link, worded as an invitation). */
import "server-only";
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { recordAudit } from "@/lib/audit/record-audit";
import type { TDb } from "@/lib/db/open";
import { campaigners, type TCampaignerRole } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { sendSignInLink } from "./send-sign-in-link";

export async function inviteCampaigner(db: TDb, who: { email: string; name: string; role: TCampaignerRole }, actor: string): Promise<string> {
  const email = who.email.toLowerCase();
  const id = randomUUID();
  await db.transaction(async (tx) => {
    const [existing] = await tx.select({ id: campaigners.id }).from(campaigners).where(eq(campaigners.email, email));
    if (existing) throw new AppError("INVALID_INPUT", "This campaigner could not be added.", [{ path: "email", code: "taken", message: `${email} is a campaigner already` }]);
    await tx.insert(campaigners).values({ id, email, name: who.name, role: who.role });
    await recordAudit(tx, { actor, action: "invite", entity: "campaigner", key: id, detail: { email, role: who.role } });
  });
  await sendSignInLink(email, { invite: true });
  return id;
}
