"use server";
/**
 * The form on /privacy/my-data, as a server action: a plain form POST without JavaScript (the page is rendered again
 * with the answer), the same with it. The address travels in the POST body only, never in a URL.
 * Validate, then the lib call (which applies the rate limits), then the answer in the page's language.
 */
import { headers } from "next/headers";
import { hashIp } from "@/lib/actions/tokens";
import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { clientAddress } from "@/lib/http/client-address";
import { isLanguage } from "@/lib/i18n/languages";
import { getLanguage, getTranslator } from "@/lib/i18n/server";
import { wakeWorker } from "@/lib/delivery/worker";
import { requestMailboxData } from "@/lib/privacy/request-mailbox-data";
import { ZMyDataRequest } from "@/lib/schemas/my-data-request";
import { serverAction } from "@/lib/http/server-action";

export type TRequestState = { status: "idle" | "sent" | "refused"; email: string; error?: string };

export const requestData = serverAction({ access: "public" }, async (_previous: TRequestState, form: FormData): Promise<TRequestState> => {
  const chosen = form.get("language");
  const language = isLanguage(chosen) ? chosen : await getLanguage();
  const t = getTranslator(language);
  const email = typeof form.get("email") === "string" ? String(form.get("email")).slice(0, 1000) : "";
  const parsed = ZMyDataRequest.safeParse({ email });
  if (!parsed.success) {
    const key = parsed.error.issues[0]?.message ?? "validation.email";
    const message = key.startsWith("validation.") ? t(key as "validation.email") : t("validation.email");
    return { status: "refused", email, error: message };
  }
  const settings = env();
  try {
    await requestMailboxData(await db(), parsed.data, {
      ipHash: hashIp(clientAddress(await headers(), settings.TRUSTED_PROXIES), settings.IP_HASH_SALT),
      language,
      now: new Date(),
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "TOO_MANY_REQUESTS") return { status: "refused", email, error: t("myData.tooMany") };
    console.error(error);
    return { status: "refused", email, error: t("myData.failed") };
  }
  // The in-process worker (embedded default) sends the email at once.
  wakeWorker();
  return { status: "sent", email: "" };
});
