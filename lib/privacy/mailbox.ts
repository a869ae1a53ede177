/** Shared by the web pages and the worker. */
import "server-only";
import { createHash } from "node:crypto";

/**
 * A mailbox as the privacy pages match it: the address lower-cased, so that Marie@Example.org and marie@example.org
 * are one mailbox. (Sub-addresses such as marie+1@ are other addresses here: a supporter sees and deletes what was
 * given under the address the link was mailed to.)
 */
export function mailboxOf(email: string): string {
  return email.trim().toLowerCase();
}

/** The key the rate limits count a mailbox's requests by: a hash, so the count itself names nobody. */
export function mailboxKey(email: string): string {
  return createHash("sha256").update(`mailbox:${mailboxOf(email)}`).digest("hex");
}

/** Data links work for a day. */
export const PRIVACY_LINK_TTL_MS = 24 * 60 * 60 * 1000;

/** A data link's token as it appears in the URL (lib/actions/tokens.ts newToken: 43 base64url characters). */
export const PRIVACY_TOKEN = /^[A-Za-z0-9_-]{20,100}$/;
