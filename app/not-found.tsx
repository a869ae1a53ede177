import Link from "next/link";
import { getLanguage, getTranslator } from "@/lib/i18n/server";

export default async function NotFound() {
  const t = getTranslator(await getLanguage());
  return (
    <main id="main" className="wrap not-found">
      <h1>{t("errors.notFoundTitle")}</h1>
      <p>{t("errors.notFoundText")}</p>
      <p>
        <Link href="/">{t("errors.backHome")}</Link>
      </p>
    </main>
  );
}
