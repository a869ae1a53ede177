import { getLanguage, getTranslator } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = getTranslator(await getLanguage());
  return (
    <main id="main" className="wrap not-found">
      <h1>{t("errors.notFoundTitle")}</h1>
      <p>{t("errors.notFoundText")}</p>
      <p>
        <a href="/">{t("errors.backHome")}</a>
      </p>
    </main>
  );
}
