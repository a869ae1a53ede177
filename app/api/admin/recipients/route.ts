import { db } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/admin-route";
import { readJson } from "@/lib/http/read-json";
import { methodNotAllowed } from "@/lib/http/route";
import { createRecipient } from "@/lib/recipients/create-recipient";

export const dynamic = "force-dynamic";

/** A new recipient in the directory (the recipient file's shape; createRecipient validates it). */
export const POST = adminRoute({}, async (request, _params, campaigner) => {
  const saved = await createRecipient(await db(), await readJson(request), campaigner.email);
  return Response.json(saved, { status: 201 });
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
