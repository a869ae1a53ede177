import { LANGUAGES, LANGUAGE_NAMES, type TLanguage } from "@/lib/i18n/languages";

/**
 * Plain links to the same page with `?lang=xx` (the rest of the address kept, so a thank-you page keeps its letters),
 * so the switch works with the keyboard and without any script. The proxy remembers the choice in a cookie. A server
 * component: `url` is the requested path and query, which the proxy passes on (lib/i18n/server.ts requestPath).
 */
export function LanguageSwitch({ current, label, url }: { current: TLanguage; label: string; url: string }) {
  const here = new URL(url, "http://x");
  const href = (language: TLanguage) => {
    const next = new URLSearchParams(here.searchParams);
    next.set("lang", language);
    return `${here.pathname}?${next.toString()}`;
  };
  return (
    <nav aria-label={label} className="language-switch">
      <ul>
        {LANGUAGES.map((language) => (
          <li key={language}>
            <a href={href(language)} hrefLang={language} lang={language} aria-current={language === current ? "true" : undefined}>
              {LANGUAGE_NAMES[language]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
