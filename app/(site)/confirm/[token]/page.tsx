import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { findConfirmation } from "@/lib/actions/confirm-action";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { db } from "@/lib/db/client";
import { isLanguage } from "@/lib/i18n/languages";
import { getLanguage, getTranslator } from "@/lib/i18n/server";
import { inCampaignOrder, recipientLabel, recipientsById } from "@/lib/campaigns/recipients";
import { withDatabase } from "@/lib/http/with-database";

export const dynamic = "force-dynamic";
// The address holds a live token: never indexed (and the site's Referrer-Policy keeps it from other sites).
export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * The link in the confirmation email. Opening it sends nothing: the letters go when the supporter presses the
 * button, so a mail provider's link scanner, which opens links but presses nothing, cannot send them.
 */
async function ConfirmPage({ params, searchParams }: { params: Promise<{ token: string }>; searchParams: Promise<{ lang?: string }> }) {
  const [{ token }, { lang }] = await Promise.all([params, searchParams]);
  const database = await db();
  const found = await findConfirmation(database, token, new Date());
  const actionLanguage = found.outcome === "awaiting" || found.outcome === "already-confirmed" ? found.pageLanguage : null;
  // The page speaks the language the letters were written in, even in a fresh browser preferring another; a
  // visitor's own choice (?lang=) still wins.
  const suffix = isLanguage(lang) ? `&lang=${lang}` : isLanguage(actionLanguage) ? `&lang=${actionLanguage}` : "";
  if (found.outcome === "already-confirmed") redirect(`/c/${found.campaignSlug}/thanks?action=${found.actionId}${suffix}`);
  if (found.outcome !== "awaiting") redirect(`/confirm-result?reason=${found.outcome}${suffix}`);
  if (!isLanguage(lang) && isLanguage(actionLanguage)) redirect(`/confirm/${encodeURIComponent(token)}?lang=${actionLanguage}`);

  const language = await getLanguage();
  const t = getTranslator(language);
  const campaign = await getCampaign(database, found.campaignSlug, { includeDrafts: true });
  const recipients = campaign ? recipientsById(campaign) : new Map<string, never>();
  const names = (campaign ? inCampaignOrder(campaign, found.recipientIds, (id) => id) : found.recipientIds).map((id) => {
    const r = recipients.get(id);
    return { id, label: r ? recipientLabel(r, language) : id };
  });

  return (
    <section className="section confirm">
      <h1>{t("confirm.pageTitle")}</h1>
      <p className="lead">{t("confirm.pageIntro", { name: found.supporterName, count: names.length, subject: campaign?.subject ?? "" })}</p>
      <ul>
        {names.map((name) => (
          <li key={name.id}>{name.label}</li>
        ))}
      </ul>
      <form method="post" action={`/confirm/${encodeURIComponent(token)}/send?lang=${language}`}>
        <button type="submit" className="button">
          {t("confirm.pageButton")}
        </button>
      </form>
      <p className="muted">{t("confirm.pageNote")}</p>
    </section>
  );
}

// A database gone away while it renders: a 503 page, not a 500 (lib/http/with-database.ts).
export default withDatabase(ConfirmPage);
