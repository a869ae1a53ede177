import { NextResponse } from "next/server";
import { getDatabase } from "@/lib/db/client";
import { methodNotAllowed } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** 200 when the app can reach its database, 503 when it cannot. */
export async function GET() {
  let ok = false;
  try {
    ok = await (await getDatabase()).ping();
  } catch {
    ok = false;
  }
  return NextResponse.json(ok ? { status: "ok", db: "ok" } : { status: "unavailable", db: "unreachable" }, {
    status: ok ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}

const refuse = methodNotAllowed("GET");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
