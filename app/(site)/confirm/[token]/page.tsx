import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { findConfirmation } from "@/lib/actions/confirm-action";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { db } from "@/lib/db/client";
import { pick } from "@/lib/i18n/localize";
import { getLanguage, getTranslator } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";
// The address holds a live token: never indexed (and the site's Referrer-Policy keeps it from other sites).
export const metadata: Metadata = { robots: { index: false, follow: false } };

/**
 * The link in the confirmation email. Opening it sends nothing: the letters go when the supporter presses the
 * button, so a mail provider's link scanner, which opens links but presses nothing, cannot send them.
 */
export default async function ConfirmPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const database = await db();
  const found = await findConfirmation(database, token, new Date());
  if (found.outcome === "already-confirmed") redirect(`/c/${found.campaignSlug}/thanks?action=${found.actionId}`);
  if (found.outcome !== "awaiting") redirect(`/confirm-result?reason=${found.outcome}`);

  const language = await getLanguage();
  const t = getTranslator(language);
  const campaign = await getCampaign(database, found.campaignSlug, { includeDrafts: true });
  const recipients = new Map(campaign?.audiences.flatMap((a) => a.recipients.map((r) => [r.id, r] as const)) ?? []);
  const order = [...recipients.keys()];
  const names = [...found.recipientIds]
    .sort((a, b) => order.indexOf(a) - order.indexOf(b))
    .map((id) => {
      const r = recipients.get(id);
      return { id, label: r ? [r.name, pick(r.role, language).value].filter(Boolean).join(", ") : id };
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
      <form method="post" action={`/confirm/${encodeURIComponent(token)}/send`}>
        <button type="submit" className="button">
          {t("confirm.pageButton")}
        </button>
      </form>
      <p className="muted">{t("confirm.pageNote")}</p>
    </section>
  );
}
