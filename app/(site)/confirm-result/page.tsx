import { getLanguage, getTranslator } from "@/lib/i18n/server";

export const dynamic = "force-dynamic";

export default async function ConfirmResultPage({ searchParams }: { searchParams: Promise<{ reason?: string }> }) {
  const { reason } = await searchParams;
  const t = getTranslator(await getLanguage());
  const expired = reason === "expired";
  return (
    <section className="section">
      <h1>{expired ? t("confirm.expiredTitle") : t("confirm.unknownTitle")}</h1>
      <p>{expired ? t("confirm.expired") : t("confirm.unknown")}</p>
      <p>
        <a href="/">{t("confirm.back")}</a>
      </p>
    </section>
  );
}
