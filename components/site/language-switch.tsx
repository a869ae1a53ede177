import { LANGUAGES, LANGUAGE_NAMES, type TLanguage } from "@/lib/i18n/languages";

/**
 * Plain links (`?lang=xx` on the current page), so the switch works without JavaScript and with the keyboard.
 * The proxy remembers the choice in a cookie.
 */
export function LanguageSwitch({ current, label }: { current: TLanguage; label: string }) {
  return (
    <nav aria-label={label} className="language-switch">
      <ul>
        {LANGUAGES.map((language) => (
          <li key={language}>
            <a
              href={`?lang=${language}`}
              hrefLang={language}
              lang={language}
              aria-current={language === current ? "true" : undefined}
            >
              {LANGUAGE_NAMES[language]}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
