/** The languages of the site and of letters. English is the fallback everywhere. */
export const LANGUAGES = ["en", "fr", "ru", "kk"] as const;
export type TLanguage = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: TLanguage = "en";

/** Each language named in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<TLanguage, string> = {
  en: "English",
  fr: "Français",
  ru: "Русский",
  kk: "Қазақша",
};

export function isLanguage(value: unknown): value is TLanguage {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}
