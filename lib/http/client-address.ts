/**
 * The address a request came from, for the per-IP rate limits. Each reverse proxy appends the address it received
 * the request from to X-Forwarded-For, so only the entries the trusted proxies added can be believed: the one
 * `trustedProxies` places from the right is the client's, and anything further left was written by the client.
 *
 * That only holds when the request really came through a proxy. `x-ul-peer` is the socket's address, written by
 * scripts/peer-address.cjs under `npm start`: when it is not a proxy's (loopback or a private network, where proxies
 * sit), the request came straight to the app and its X-Forwarded-For is the client's own invention, so the peer
 * itself is the client. With TRUSTED_PROXIES=0, the peer is always the client.
 */
import "server-only";
import { isIP } from "node:net";

export type TClientAddress = { address: string; direct: boolean };

export function clientAddress(headers: Headers, trustedProxies: number): string {
  return clientAddressOf(headers, trustedProxies).address;
}

/** The client's address, and whether the request came straight from it rather than through a proxy. */
export function clientAddressOf(headers: Headers, trustedProxies: number): TClientAddress {
  const peer = normalise(headers.get("x-ul-peer") ?? "");
  if (peer && (trustedProxies === 0 || !isProxyAddress(peer))) return { address: peer, direct: true };
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => normalise(part.trim()))
    .filter(Boolean);
  if (forwarded.length === 0) return { address: peer || "unknown", direct: !!peer };
  // The client's entry, or the leftmost when there are fewer entries than proxies.
  return { address: forwarded[Math.max(0, forwarded.length - Math.max(1, trustedProxies))]!, direct: false };
}

/** "::ffff:10.0.0.1" (IPv4 on an IPv6 socket) → "10.0.0.1". */
function normalise(address: string): string {
  return address.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
}

/** Where a reverse proxy in front of the app can be: this machine, or a private network. */
export function isProxyAddress(address: string): boolean {
  const version = isIP(address);
  if (version === 4) {
    const [a = 0, b = 0] = address.split(".").map(Number);
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  if (version === 6) {
    const lower = address.toLowerCase();
    return lower === "::1" || lower.startsWith("fc") || lower.startsWith("fd") || lower.startsWith("fe80:");
  }
  return false;
}
