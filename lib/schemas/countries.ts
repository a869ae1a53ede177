import countries from "i18n-iso-countries";
import type { TLanguage } from "@/lib/i18n/languages";

/** ISO 3166-1 alpha-2 codes, from a maintained list. */
export const COUNTRY_CODES: readonly string[] = Object.keys(countries.getAlpha2Codes()).sort();
const CODE_SET = new Set(COUNTRY_CODES);

export function isCountryCode(value: string): boolean {
  return CODE_SET.has(value);
}

/** The country's name in the given language ("IE" → "Ireland", "Irlande", "Ирландия"). */
export function countryName(code: string, language: TLanguage): string {
  const key = `${language}:${code}`;
  let name = NAMES.get(key);
  if (name === undefined) {
    try {
      name = regionNames(language).of(code) ?? code;
    } catch {
      name = code;
    }
    if (NAMES.size >= 2000) NAMES.clear();
    NAMES.set(key, name);
  }
  return name;
}

/** Names already asked for (every letter asks for its writer's country). */
const NAMES = new Map<string, string>();

// One Intl.DisplayNames per language, made once: building one costs far more than asking it.
const REGION_NAMES = new Map<TLanguage, Intl.DisplayNames>();
function regionNames(language: TLanguage): Intl.DisplayNames {
  let names = REGION_NAMES.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language, "en"], { type: "region" });
    REGION_NAMES.set(language, names);
  }
  return names;
}

/** Every country as {code, name}, sorted by name in the given language: the form's country list. */
export function countryOptions(language: TLanguage): { code: string; name: string }[] {
  const collator = new Intl.Collator(language);
  return COUNTRY_CODES.map((code) => ({ code, name: countryName(code, language) })).sort((a, b) => collator.compare(a.name, b.name));
}
