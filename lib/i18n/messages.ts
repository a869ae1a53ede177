/** The UI message catalogs. English is the reference: a test fails when another catalog misses one of its keys. */
import "use-intl/core";
import en from "./messages/en.json";
import fr from "./messages/fr.json";
import kk from "./messages/kk.json";
import ru from "./messages/ru.json";
import type { TLanguage } from "./languages";

export type TMessages = typeof en;

export const CATALOGS: Record<TLanguage, TMessages> = { en, fr, ru, kk };

declare module "use-intl/core" {
  interface AppConfig {
    Locale: TLanguage;
    Messages: TMessages;
  }
}
