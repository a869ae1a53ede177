"use client";
import { CATALOGS } from "@/lib/i18n/messages";
import { countryOptions } from "@/lib/schemas/countries";
import { LetterComposer } from "./letter-composer";
import type { TLazyComposerProps } from "./lazy-composer";

/** The composer as the server renders it into the page (lazy-composer.tsx): with the page language's messages. */
export function LetterComposerSsr(props: TLazyComposerProps) {
  const { letter, validation, send, email, journey } = CATALOGS[props.pageLanguage];
  return <LetterComposer {...props} messages={{ letter, validation, send, email, journey }} countries={countryOptions(props.pageLanguage)} />;
}
