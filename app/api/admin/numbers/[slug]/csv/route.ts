import { eq } from "drizzle-orm";
import { z } from "zod";
import { db } from "@/lib/db/client";
import { campaigns } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { adminRoute } from "@/lib/http/admin-route";
import { methodNotAllowed, ZSlug } from "@/lib/http/route";
import { campaignNumbers } from "@/lib/numbers/campaign-numbers";
import { numbersCsv } from "@/lib/numbers/numbers-csv";

export const dynamic = "force-dynamic";

const params = z.object({ slug: ZSlug });

/** The campaign's numbers as CSV, for any campaigner: counts only, no personal data. */
export const GET = adminRoute({ params }, async (_request, { slug }) => {
  const database = await db();
  const [row] = await database.select({ slug: campaigns.slug }).from(campaigns).where(eq(campaigns.slug, slug));
  if (!row) throw new AppError("NOT_FOUND", `There is no campaign "${slug}".`);
  const now = new Date();
  return new Response(numbersCsv(await campaignNumbers(database, slug, now)), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="numbers-${slug}-${now.toISOString().slice(0, 10)}.csv"`,
      "cache-control": "no-store",
    },
  });
});

const refuse = methodNotAllowed("GET");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
