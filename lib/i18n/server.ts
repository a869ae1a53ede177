import "server-only";
import { cookies, headers } from "next/headers";
import { createFormatter, createTranslator } from "use-intl/core";
import { DEFAULT_LANGUAGE, LANGUAGES, isLanguage, type TLanguage } from "./languages";
import { CATALOGS } from "./messages";

export const LANGUAGE_COOKIE = "ul-lang";
/** Set by proxy.ts when the URL carries ?lang=, so the layout and the page agree within the same request. */
export const LANGUAGE_HEADER = "x-ul-lang";

/** Picks the first of the visitor's Accept-Language entries that the site speaks. */
export function languageFromAcceptLanguage(header: string | null | undefined): TLanguage | undefined {
  if (!header) return undefined;
  const ranked = header
    .split(",")
    .map((part) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^q=([\d.]+)$/.exec(p.trim())?.[1]).find(Boolean);
      return { base: tag.toLowerCase().split("-")[0], q: q === undefined ? 1 : Number(q) };
    })
    .filter((entry) => entry.q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked.map((entry) => entry.base).find(isLanguage);
}

/** The language of this request: ?lang= (via the proxy), then the visitor's choice saved in a cookie, then the browser's. */
export async function getLanguage(): Promise<TLanguage> {
  const h = await headers();
  const fromUrl = h.get(LANGUAGE_HEADER);
  if (isLanguage(fromUrl)) return fromUrl;
  const fromCookie = (await cookies()).get(LANGUAGE_COOKIE)?.value;
  if (isLanguage(fromCookie)) return fromCookie;
  return languageFromAcceptLanguage(h.get("accept-language")) ?? DEFAULT_LANGUAGE;
}

/** The path and query of this request, as the proxy passed them on ("/" when it did not run). */
export async function requestPath(): Promise<string> {
  const url = (await headers()).get("x-ul-url");
  return url?.startsWith("/") ? url : "/";
}

export function getTranslator(language: TLanguage) {
  return createTranslator({ locale: language, messages: CATALOGS[language] });
}

export function getFormatter(language: TLanguage) {
  return createFormatter({ locale: language, timeZone: "UTC" });
}

export { LANGUAGES };
