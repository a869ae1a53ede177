import { z } from "zod";
import { claimSetup } from "@/lib/auth/claim-setup";
import { sendSignInLink } from "@/lib/auth/send-sign-in-link";
import { db } from "@/lib/db/client";
import { parseBody } from "@/lib/http/parse-body";
import { methodNotAllowed, route } from "@/lib/http/route";
import { ZCampaignerName } from "@/lib/schemas/campaigner";

export const dynamic = "force-dynamic";

const ZSetup = z.object({
  token: z.string().min(10).max(200),
  email: z.email({ message: "Enter an email address, like name@example.org." }).max(254),
  name: ZCampaignerName,
});

/**
 * The setup link's form: whoever holds the printed link becomes the owner and is signed in at once (the answer names
 * the one-time sign-in address to go to). Public by design: the token is the proof, and it works once.
 */
export const POST = route({}, async (request) => {
  const body = await parseBody(request, ZSetup);
  await claimSetup(await db(), body.token, body);
  const next = await sendSignInLink(body.email.toLowerCase(), { hold: true, callbackURL: "/admin" });
  return Response.json({ next });
});

const refuse = methodNotAllowed("POST");
export { refuse as GET, refuse as PUT, refuse as PATCH, refuse as DELETE };
