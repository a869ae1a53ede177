/**
 * The partner named by an embed or a submission, when it is known and active (undefined otherwise): what decides
 * who may frame /embed/*, what an action is attributed to and whose consent the form offers. Cached by content
 * revision (lib/content/content-revision.ts): proxy.ts reads it on every embed request, and an admin's change shows
 * on the next request of every process.
 */
import "server-only";
import { eq } from "drizzle-orm";
import { cachedByRevision } from "@/lib/content/content-revision";
import type { TDb } from "@/lib/db/open";
import { partners } from "@/lib/db/schema";
import type { TEmbedTheme } from "@/lib/embed/theme";

export type TActivePartner = { code: string; name: string; site: string; allowedOrigins: string[]; theme: TEmbedTheme | null };

/** A partner code as files and the admin write it: anything else names no partner, without a database read. */
const CODE = /^[a-z0-9]+(-[a-z0-9]+)*$/;

export async function getActivePartner(db: TDb, code: string | null | undefined): Promise<TActivePartner | undefined> {
  if (!code || code.length > 40 || !CODE.test(code)) return undefined;
  return cachedByRevision(db, `partner:${code}`, async () => {
    const [row] = await db
      .select({ code: partners.code, name: partners.name, site: partners.site, allowedOrigins: partners.allowedOrigins, theme: partners.theme, active: partners.active })
      .from(partners)
      .where(eq(partners.code, code));
    if (!row || !row.active) return undefined;
    const { active: _active, ...partner } = row;
    return partner;
  });
}
