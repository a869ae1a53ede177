import { packContent } from "@/lib/content/pack-content";
import { db } from "@/lib/db/client";
import { adminRoute } from "@/lib/http/admin-route";
import { methodNotAllowed } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The current content as a .zip of the templates/ layout (what `npm run content:export` writes). */
export const GET = adminRoute({}, async () => {
  const zip = await packContent(await db());
  const name = `urgent-letters-content-${new Date().toISOString().slice(0, 10)}.zip`;
  return new Response(zip as BodyInit, {
    headers: { "content-type": "application/zip", "content-disposition": `attachment; filename="${name}"`, "cache-control": "no-store" },
  });
});

const refuse = methodNotAllowed("GET");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
