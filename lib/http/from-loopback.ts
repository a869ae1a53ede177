/**
 * Whether a request came from this machine itself: its socket peer (x-ul-peer, scripts/peer-address.cjs) is a
 * loopback address and no proxy forwarded it (a local reverse proxy would pass on outside clients). For the
 * captured-mail pages, which hold live sign-in and confirmation links.
 */
import "server-only";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function fromLoopback(headers: Headers): boolean {
  const peer = headers.get("x-ul-peer") ?? "";
  return LOOPBACK.test(peer) && !headers.get("x-forwarded-for") && !headers.get("forwarded");
}
