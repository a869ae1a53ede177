import "server-only";
import { env } from "@/lib/env";
import { clientAddress } from "@/lib/http/client-address";
import type { TLanguage } from "@/lib/i18n/languages";
import { hashIp } from "./tokens";

/** What a submission needs to know of its request: the client's IP hash and the limits, from the settings. */
export function submissionOptions(headers: Headers, pageLanguage: TLanguage, now = new Date()) {
  const settings = env();
  const ip = clientAddress(headers, settings.TRUSTED_PROXIES);
  return {
    ipHash: hashIp(ip, settings.IP_HASH_SALT),
    now,
    rateLimits: {
      perIpPerHour: settings.RATE_LIMIT_IP_PER_HOUR,
      perEmailPerHour: settings.RATE_LIMIT_EMAIL_PER_HOUR,
      confirmationsPerDay: settings.RATE_LIMIT_CONFIRMATIONS_PER_DAY,
    },
    pageLanguage,
  };
}
