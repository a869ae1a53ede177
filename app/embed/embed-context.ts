/**
 * What both embed pages (the form and its result) read from their request: the partner (known and active, or
 * none), the theme and the query that carries both from one page to the next. The language comes from ?lang=
 * (proxy.ts), English without one.
 */
import "server-only";
import { headers } from "next/headers";
import type { TDb } from "@/lib/db/open";
import { embedTheme, embedThemeCss } from "@/lib/embed/embed-theme-css";
import { getActivePartner, type TActivePartner } from "@/lib/partners/get-active-partner";

export type TEmbedSearch = { partner?: string | string[]; theme?: string | string[]; lang?: string | string[] };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export async function embedContext(db: TDb, search: TEmbedSearch) {
  const partner: TActivePartner | undefined = await getActivePartner(db, first(search.partner));
  const theme = embedTheme(first(search.theme), partner?.theme);
  const carried = new URLSearchParams();
  if (partner) carried.set("partner", partner.code);
  if (Object.keys(theme).length) carried.set("theme", JSON.stringify(theme));
  return {
    partner,
    css: embedThemeCss(theme),
    /** The partner and theme, for the next page's address (the result page). */
    carried,
    nonce: (await headers()).get("x-nonce") ?? undefined,
  };
}
