import "server-only";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { createMailTransport, type TMailTransport } from "./transport";

const KEY = Symbol.for("urgent-letters.mail-transport");
type TGlobal = typeof globalThis & { [KEY]?: Promise<TMailTransport> };

/** The process's mail transport (pooled SMTP, or capture when SMTP_URL is unset), made on first use. */
export function getMailTransport(): Promise<TMailTransport> {
  const g = globalThis as TGlobal;
  g[KEY] ??= (async () => {
    const settings = env();
    const dkim =
      settings.DKIM_DOMAIN && settings.DKIM_SELECTOR && settings.DKIM_PRIVATE_KEY
        ? { domainName: settings.DKIM_DOMAIN, keySelector: settings.DKIM_SELECTOR, privateKey: settings.DKIM_PRIVATE_KEY }
        : undefined;
    return createMailTransport({ smtpUrl: settings.SMTP_URL, db: await db(), dkim });
  })();
  return g[KEY];
}

/** From for the organisation's own messages (confirmations): its name and its own address. */
export function organisationFrom() {
  const settings = env();
  return { name: settings.ORGANISATION_NAME, address: settings.MAIL_FROM };
}
