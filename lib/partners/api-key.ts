/**
 * The shape of a partner API key: `ul_live_` and 32 random bytes in base64url (256 bits). Only the SHA-256 of the
 * whole key is stored; its first 12 characters are kept apart to tell keys apart in the admin.
 */
import "server-only";
import { createHash, randomBytes } from "node:crypto";

export const KEY_PREFIX = "ul_live_";
const DISPLAY_LENGTH = KEY_PREFIX.length + 4;

export function newApiKey(): { key: string; prefix: string; hash: string } {
  const key = `${KEY_PREFIX}${randomBytes(32).toString("base64url")}`;
  return { key, prefix: key.slice(0, DISPLAY_LENGTH), hash: hashApiKey(key) };
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key).digest("hex");
}

/** A string that could be a key (its form only): anything else is refused without a database look-up. */
export function looksLikeApiKey(value: string): boolean {
  return /^ul_live_[A-Za-z0-9_-]{43}$/.test(value);
}
