import { z } from "zod";
import { restoreVersion } from "@/lib/content/restore-version";
import { db } from "@/lib/db/client";
import { hasRole } from "@/lib/auth/roles";
import { adminRoute } from "@/lib/http/admin-route";
import { ZUuid, methodNotAllowed } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Restores a version: its content saved again as the newest version (templates: as a draft). */
export const POST = adminRoute({ params: z.object({ id: ZUuid }) }, async (_request, { id }, campaigner) => {
  const restored = await restoreVersion(await db(), id, campaigner.email, { partners: hasRole(campaigner.role, "owner") });
  return Response.json(restored);
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
