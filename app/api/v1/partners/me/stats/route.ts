import { NextResponse } from "next/server";
import { db } from "@/lib/db/client";
import { methodNotAllowed, route } from "@/lib/http/route";
import { requirePartner } from "@/lib/partners/authenticate-partner";
import { getPartnerStats } from "@/lib/partners/get-partner-stats";
import { ZPartnerStats } from "@/lib/schemas/partner-api";

export const dynamic = "force-dynamic";

/** The calling partner's own numbers, per campaign: `Authorization: Bearer <key>` (401 without a live key). */
export const GET = route({}, async (request) => {
  const partner = await requirePartner(request.headers);
  const stats = ZPartnerStats.parse(await getPartnerStats(await db(), partner.code, new Date()));
  return NextResponse.json(stats, { headers: { "cache-control": "no-store" } });
});

const refuse = methodNotAllowed("GET");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
