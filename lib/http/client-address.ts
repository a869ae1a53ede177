/**
 * The address a request came from, for the per-IP rate limits. Each reverse proxy appends the address it received
 * the request from to X-Forwarded-For, so only the entries the trusted proxies added can be believed: the one
 * `trustedProxies` places from the right is the client's, and anything further left was written by the client.
 *
 * Next.js writes the socket's address there only when the header is absent, and a route handler cannot see the
 * socket: without a proxy in front, a client that sends the header itself chooses its address. Deploy behind one.
 */
export function clientAddress(headers: Headers, trustedProxies: number): string {
  const forwarded = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
  // The client's entry, or the leftmost when there are fewer entries than proxies.
  return forwarded[Math.max(0, forwarded.length - Math.max(1, trustedProxies))] ?? "unknown";
}
