/** The UI message catalogs. English is the reference: a test fails when another catalog misses one of its keys. */
import "use-intl/core";
import en from "./messages/en.json" with { type: "json" };
import fr from "./messages/fr.json" with { type: "json" };
import kk from "./messages/kk.json" with { type: "json" };
import ru from "./messages/ru.json" with { type: "json" };
import type { TLanguage } from "./languages";

export type TMessages = typeof en;

export const CATALOGS: Record<TLanguage, TMessages> = { en, fr, ru, kk };

declare module "use-intl/core" {
  interface AppConfig {
    Locale: TLanguage;
    Messages: TMessages;
  }
}
