import "server-only";
import { createHash, randomBytes } from "node:crypto";

/** A confirmation token for a link: 256 random bits. Only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString("base64url");
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

const SALT_KEY = Symbol.for("urgent-letters.ip-salt");

/** A salted hash of an IP address, for rate limits only; the address itself is never stored. */
export function hashIp(ip: string, salt?: string): string {
  const g = globalThis as typeof globalThis & { [SALT_KEY]?: string };
  // Without a configured salt, a random one per process: hashes then only live as long as the process.
  const secret = salt ?? (g[SALT_KEY] ??= randomBytes(16).toString("hex"));
  return createHash("sha256").update(`${secret}:${ip}`).digest("hex");
}
