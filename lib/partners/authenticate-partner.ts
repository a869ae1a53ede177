import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { db as appDb } from "@/lib/db/client";
import type { TDb } from "@/lib/db/open";
import { partnerApiKeys, partners } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors/app-error";
import { takeAllowance } from "@/lib/limits/take-allowance";
import { hashApiKey, looksLikeApiKey } from "./api-key";

/** A partner organisation identified by its API key. */
export type TPartnerIdentity = { code: string; keyId: string };

/** How often a key's "last used" is written at most: every request would be one more write for a number shown by the day. */
const LAST_USED_EVERY_MS = 60_000;

/**
 * The partner whose API key (`Authorization: Bearer ul_live_…`) a request carries: undefined when the request carries
 * no Authorization header (a supporter's browser), the partner when the key is a live key of an active partner.
 * Anything else is refused here, never passed on to the bot check:
 * - 401 `auth.invalidKey`: a malformed, unknown or revoked key, or a key of an inactive partner;
 * - 403 `auth.browserOrigin`: a key sent with an `Origin` header. Keys are for partners' servers; every browser
 *   sends `Origin` with a cross-site POST (and the app answers no CORS preflight, so a page cannot even send the
 *   header), so a request with both is a key that leaked into a web page or a proxy forwarding a browser's request:
 *   refusing it says so at once rather than letting the key work from some clients;
 * - 429 `rateLimit.partnerKey` with Retry-After: the key's requests per minute (RATE_LIMIT_PARTNER_KEY_PER_MINUTE),
 *   counted in the database so every instance shares the count.
 * A key is found by the SHA-256 of the whole key through a unique index: no secret is compared in JavaScript.
 */
export async function authenticatePartner(
  headers: Headers,
  options: { db?: TDb; now?: Date; perMinute?: number } = {},
): Promise<TPartnerIdentity | undefined> {
  const header = headers.get("authorization");
  if (header === null) return undefined;
  const key = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (!key || !looksLikeApiKey(key)) throw invalidKey();
  if (headers.get("origin") !== null) {
    throw new AppError("FORBIDDEN", "Partner API keys work only from a server, never from a web page: keep the key on your server.", [
      { path: "Authorization", code: "auth.browserOrigin", message: "a request with an Origin header (a browser's) cannot use an API key" },
    ]);
  }
  const database = options.db ?? (await appDb());
  const [row] = await database
    .select({ id: partnerApiKeys.id, code: partnerApiKeys.partnerCode })
    .from(partnerApiKeys)
    .innerJoin(partners, eq(partners.code, partnerApiKeys.partnerCode))
    .where(and(eq(partnerApiKeys.keyHash, hashApiKey(key)), isNull(partnerApiKeys.revokedAt), eq(partners.active, true)));
  if (!row) throw invalidKey();
  const now = options.now ?? new Date();
  const wait = await takeAllowance(database, { key: `partner-key:${row.id}`, points: 1, perMinute: options.perMinute ?? env().RATE_LIMIT_PARTNER_KEY_PER_MINUTE, now });
  if (wait !== undefined) {
    throw new AppError("TOO_MANY_REQUESTS", "This API key sent too many requests in the last minute. Try again after the time in Retry-After.", [
      { path: "Authorization", code: "rateLimit.partnerKey", message: "too many requests with this key this minute" },
    ], { retryAfter: wait });
  }
  await database
    .update(partnerApiKeys)
    .set({ lastUsedAt: now })
    .where(and(eq(partnerApiKeys.id, row.id), or(isNull(partnerApiKeys.lastUsedAt), lt(partnerApiKeys.lastUsedAt, sql`${new Date(now.getTime() - LAST_USED_EVERY_MS).toISOString()}::timestamptz`))));
  return { code: row.code, keyId: row.id };
}

/** A request that must come from a partner (GET /api/v1/partners/me/stats): without a key it is 401 too. */
export async function requirePartner(headers: Headers, options: { db?: TDb; now?: Date; perMinute?: number } = {}): Promise<TPartnerIdentity> {
  const partner = await authenticatePartner(headers, options);
  if (!partner) throw invalidKey("Send your partner API key as `Authorization: Bearer ul_live_…`.");
  return partner;
}

function invalidKey(message = "This API key is not valid: it is mistyped, revoked, or its partner is inactive."): AppError {
  return new AppError("UNAUTHORIZED", message, [{ path: "Authorization", code: "auth.invalidKey", message: "no live API key" }]);
}
