"use client";
import { usePathname, useSearchParams } from "next/navigation";
import { LANGUAGES, LANGUAGE_NAMES, type TLanguage } from "@/lib/i18n/languages";

/**
 * Plain links to the same page with `?lang=xx` (the rest of the address kept, so a thank-you page keeps its letters),
 * so the switch works with the keyboard and before any script runs. The proxy remembers the choice in a cookie.
 */
export function LanguageSwitch({ current, label }: { current: TLanguage; label: string }) {
  const pathname = usePathname();
  const params = useSearchParams();
  const href = (language: TLanguage) => {
    const next = new URLSearchParams(params.toString());
    next.set("lang", language);
    return `${pathname}?${next.toString()}`;
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
