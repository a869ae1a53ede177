import { eq } from "drizzle-orm";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db/client";
import { campaigns } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { adminRoute } from "@/lib/http/admin-route";
import { methodNotAllowed, ZSlug } from "@/lib/http/route";
import { listSubscribers } from "@/lib/news/list-subscribers";
import { subscribersCsv } from "@/lib/numbers/numbers-csv";

export const dynamic = "force-dynamic";

const params = z.object({ slug: ZSlug });

/**
 * The supporters who asked for news of the campaign, as CSV, for owners only (it is personal data): name, email,
 * language and the day of consent; only those who still want news. Each download is written to the audit log.
 */
export const GET = adminRoute({ params, role: "owner" }, async (_request, { slug }, campaigner) => {
  const database = await db();
  const [row] = await database.select({ slug: campaigns.slug }).from(campaigns).where(eq(campaigns.slug, slug));
  if (!row) throw new AppError("NOT_FOUND", `There is no campaign "${slug}".`);
  const list = await listSubscribers(database, slug);
  await recordAudit(database, { actor: campaigner.email, action: "export subscribers", entity: "campaign", key: slug, detail: { rows: list.length } });
  return new Response(subscribersCsv(list), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="news-subscribers-${slug}.csv"`,
      "cache-control": "no-store",
    },
  });
});

const refuse = methodNotAllowed("GET");
export { refuse as POST, refuse as PUT, refuse as PATCH, refuse as DELETE };
