import { DEFAULT_LANGUAGE, type TLanguage } from "./languages";

/** The text in the wanted language, or in English with `fallback: true`. */
export function pick<T>(map: { en: T } & Partial<Record<TLanguage, T>>, language: TLanguage): { value: T; fallback: boolean } {
  const value: T | undefined = map[language];
  if (value === undefined) return { value: map[DEFAULT_LANGUAGE] as T, fallback: language !== DEFAULT_LANGUAGE };
  return { value, fallback: false };
}

const LOCALES: Record<TLanguage, string> = { en: "en-GB", fr: "fr-FR", ru: "ru-RU", kk: "kk-KZ" };

/**
 * Writes a date as precise as it is known: "2024" → 2024, "2024-10" → October 2024, "2025-02-28" → 28 February 2025,
 * and an interval the sources only bound as both ends: "2025-11/2026" → November 2025 – 2026, in the given
 * language. Dates are calendar dates: no time zone shifts them.
 */
export function formatPartialDate(value: string, language: TLanguage): string {
  const ends = value.split("/");
  if (ends.length === 2) return ends.map((end) => formatPartialDate(end, language)).join(" – ");
  const [year, month, day] = value.split("-").map(Number);
  if (month === undefined) return String(year);
  const date = new Date(Date.UTC(year!, month - 1, day ?? 1));
  return dateFormat(language, day === undefined ? "month" : "day").format(date);
}

// Building an Intl formatter costs far more than using one: one per language and precision, made once.
const FORMATS = new Map<string, Intl.DateTimeFormat>();
function dateFormat(language: TLanguage, precision: "month" | "day"): Intl.DateTimeFormat {
  const key = `${language}:${precision}`;
  let format = FORMATS.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      year: "numeric",
      month: "long",
      ...(precision === "day" ? { day: "numeric" } : {}),
      timeZone: "UTC",
    });
    FORMATS.set(key, format);
  }
  return format;
}
