/**
 * Whether a request came from this machine itself: its socket peer (x-ul-peer, scripts/peer-address.cjs) is a
 * loopback address and no proxy forwarded it (a local reverse proxy would pass on outside clients). For the
 * captured-mail pages, which hold live sign-in and confirmation links.
 */
import "server-only";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function fromLoopback(headers: Headers): boolean {
  const peer = headers.get("x-ul-peer") ?? "";
  // `next start` itself fills in X-Forwarded-For with the socket's address when a request has none
  // (next/dist/server/base-server.js), so the peer's own address there is no sign of a proxy; anything else is.
  const forwarded = headers.get("x-forwarded-for");
  return LOOPBACK.test(peer) && (!forwarded || forwarded.trim() === peer) && !headers.get("forwarded");
}
