import { inviteCampaigner } from "@/lib/auth/invite-campaigner";
import { db } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/admin-route";
import { parseBody } from "@/lib/http/parse-body";
import { methodNotAllowed } from "@/lib/http/route";
import { ZInvite } from "@/lib/schemas/campaigner";

export const dynamic = "force-dynamic";

/** An owner invites a campaigner: the row is made with its role, and a sign-in link is mailed. */
export const POST = adminRoute({ role: "owner" }, async (request, _params, campaigner) => {
  const body = await parseBody(request, ZInvite);
  const id = await inviteCampaigner(await db(), body, campaigner.email);
  return Response.json({ id }, { status: 201 });
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
