/**
 * Preloaded into `next start` by scripts/start.mjs (NODE_OPTIONS=--require). A route handler cannot see the socket a
 * request came on, so the rate limits could not tell a request from the reverse proxy from one sent straight to
 * the app with an X-Forwarded-For of its own choosing. This writes the socket's address into the request as
 * `x-ul-peer` before Next.js sees it, replacing any header of that name a client sent
 * (lib/http/client-address.ts reads it).
 */
const http = require("node:http");
const net = require("node:net");

/** Loopback or a private network: where a reverse proxy in front of the app sits (as lib/http/client-address.ts). */
function isProxyAddress(raw) {
  const address = raw.replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  if (net.isIPv4(address)) {
    const [a, b] = address.split(".").map(Number);
    return a === 127 || a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168) || (a === 169 && b === 254);
  }
  const lower = address.toLowerCase();
  return lower === "::1" || lower.startsWith("fc") || lower.startsWith("fd") || lower.startsWith("fe80:");
}

let warned = false;
function markPeer(request) {
  const peer = request.socket?.remoteAddress ?? "";
  request.headers["x-ul-peer"] = peer;
  if (!warned && peer && (process.env.TRUSTED_PROXIES ?? "1") !== "0" && !isProxyAddress(peer)) {
    warned = true;
    console.warn(
      `Urgent Letters: a request came straight from ${peer}, not through a reverse proxy: its X-Forwarded-For is ignored and ` +
        "it is limited by its own address. Serve the app only through your proxy (docs/deploy.md).",
    );
  }
}

const original = http.createServer;
http.createServer = function createServerWithPeer(...args) {
  const handlerIndex = args.findIndex((arg) => typeof arg === "function");
  if (handlerIndex >= 0) {
    const handler = args[handlerIndex];
    args[handlerIndex] = function withPeer(request, response) {
      markPeer(request);
      return handler.call(this, request, response);
    };
  }
  const server = original.apply(this, args);
  // A handler added later with server.on("request", …) gets the header too.
  server.prependListener("request", markPeer);
  return server;
};
