import Link from "next/link";
import { Suspense } from "react";
import { LanguageSwitch } from "@/components/site/language-switch";
import { getLanguage, getTranslator } from "@/lib/i18n/server";

export default async function SiteLayout({ children }: { children: React.ReactNode }) {
  const language = await getLanguage();
  const t = getTranslator(language);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("site.skipToContent")}
      </a>
      <header className="site-header">
        <div className="wrap site-header__inner">
          <Link href="/" className="brand">
            {t("site.name")}
          </Link>
          <Suspense>
            <LanguageSwitch current={language} label={t("site.language")} />
          </Suspense>
        </div>
      </header>
      <main id="main" className="wrap" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>
            {t("site.footer")} <Link href="/privacy">{t("site.privacy")}</Link>
          </p>
        </div>
      </footer>
    </>
  );
}
