import { db } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/admin-route";
import { readJson } from "@/lib/http/read-json";
import { methodNotAllowed } from "@/lib/http/route";
import { createPartner } from "@/lib/partners/create-partner";

export const dynamic = "force-dynamic";

/** A new partner (the partner file's shape; createPartner validates it). Partners are the owners' (lib/auth/roles.ts). */
export const POST = adminRoute({ role: "owner" }, async (request, _params, campaigner) => {
  const saved = await createPartner(await db(), await readJson(request), campaigner.email);
  return Response.json(saved, { status: 201 });
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
