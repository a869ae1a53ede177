/**
 * The key that signs sessions: AUTH_SECRET, or one made at the first start and kept in the database (app_secrets),
 * so restarts keep campaigners signed in and several instances on one database agree.
 */
import "server-only";
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import type { TDb } from "@/lib/db/open";
import { appSecrets } from "@/lib/db/schema";

export async function authSecret(db: TDb, configured: string | undefined): Promise<string> {
  if (configured) return configured;
  await db.insert(appSecrets).values({ name: "auth", value: randomBytes(32).toString("base64url") }).onConflictDoNothing();
  const [row] = await db.select({ value: appSecrets.value }).from(appSecrets).where(eq(appSecrets.name, "auth"));
  return row!.value;
}
