/**
 * Whether a request came from this machine itself: its socket peer (x-ul-peer, scripts/peer-address.cjs) is a
 * loopback address, and so is every address in X-Forwarded-For (Next.js itself appends the peer there; a local
 * reverse proxy passing on an outside client, or a client writing the header, adds another). For the captured-mail
 * pages, which hold live sign-in and confirmation links.
 */
import "server-only";

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|::ffff:127\.\d+\.\d+\.\d+)$/;

export function fromLoopback(headers: Headers): boolean {
  const peer = headers.get("x-ul-peer") ?? "";
  const forwarded = (headers.get("x-forwarded-for") ?? "").split(",").map((a) => a.trim()).filter(Boolean);
  return LOOPBACK.test(peer) && forwarded.every((a) => LOOPBACK.test(a)) && !headers.get("forwarded");
}
