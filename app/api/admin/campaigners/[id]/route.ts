import { z } from "zod";
import { changeRole } from "@/lib/auth/change-role";
import { removeCampaigner } from "@/lib/auth/remove-campaigner";
import { db } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/admin-route";
import { parseBody } from "@/lib/http/parse-body";
import { methodNotAllowed } from "@/lib/http/route";
import { ZRoleChange } from "@/lib/schemas/campaigner";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100).regex(/^[\w-]+$/) });

/** An owner changes a campaigner's role (applies at their next request). */
export const PATCH = adminRoute({ params, role: "owner" }, async (request, { id }, campaigner) => {
  const body = await parseBody(request, ZRoleChange);
  await changeRole(await db(), id, body.role, campaigner.email);
  return Response.json({ id, role: body.role });
});

/** An owner removes a campaigner; their sessions end with them. */
export const DELETE = adminRoute({ params, role: "owner" }, async (_request, { id }, campaigner) => {
  await removeCampaigner(await db(), id, campaigner.email);
  return new Response(null, { status: 204 });
});

const refuse = methodNotAllowed("PATCH", "DELETE");
export { refuse as GET, refuse as POST, refuse as PUT };
