import { LanguageSwitch } from "@/components/site/language-switch";
import { getLanguage, getTranslator, requestPath } from "@/lib/i18n/server";

// Links between pages are plain <a>: every page is rendered per request anyway, and a full page load keeps the
// header's language switch pointing at the page it is on (a client-side navigation would keep the layout's links).
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
          <a href="/" className="brand">
            {t("site.name")}
          </a>
          <LanguageSwitch current={language} label={t("site.language")} url={await requestPath()} />
        </div>
      </header>
      <main id="main" className="wrap" tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>
            {t("site.footer")} <a href="/privacy">{t("site.privacy")}</a>
          </p>
        </div>
      </footer>
    </>
  );
}
