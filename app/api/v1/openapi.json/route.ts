import { NextResponse } from "next/server";
import { publicUrl } from "@/lib/env";
import { methodNotAllowed, route } from "@/lib/http/route";
import { buildDocument } from "@/lib/openapi/build-document";

export const dynamic = "force-dynamic";

/** The OpenAPI 3.1 document of the public and partner API, built from the handlers' zod schemas. */
export const GET = route({}, async () => NextResponse.json(buildDocument(publicUrl()), { headers: { "cache-control": "public, max-age=300" } }));

const refuse = methodNotAllowed("GET");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
