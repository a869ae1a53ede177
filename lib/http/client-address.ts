/**
 * The address a request came from, for the per-IP rate limit. Each reverse proxy appends the address it received
 * the request from to X-Forwarded-For, so only the entries the trusted proxies added can be believed: the one
 * `trustedProxies` places from the right is the client's, and anything further left was written by the client.
 * Next.js puts the socket's address there when the header is absent, so with no proxy (trustedProxies 0, or an
 * empty header) the address is the socket's, unless a client sends the header itself: deploy behind a proxy.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  if (forwarded.length === 0) return headers.get("x-real-ip")?.trim() || "unknown";
  // The client's entry, or the leftmost when there are fewer entries than proxies.
  return forwarded[Math.max(0, forwarded.length - Math.max(1, trustedProxies))]!;
}
