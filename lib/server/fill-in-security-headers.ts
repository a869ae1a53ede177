import "server-only";
import { ServerResponse } from "node:http";
import { DATA_CSP, staticSecurityHeaders } from "@/lib/http/security-headers";

const INSTALLED = Symbol.for("urgent-letters.fill-in-security-headers");

/**
 * Makes every answer of this process carry the security headers, including those Next.js writes before any of the
 * app's code runs. Its 308 for a path with repeated slashes or a backslash (`/api//v1`, `/api\v1`) is answered in
 * its router before the routes are looked at (node_modules/next/dist/server/lib/router-utils/resolve-routes.js),
 * and its 308 for a trailing slash (`/c/x/`, and dot segments such as `/api/v1/%2e%2e`, which resolve to `/api/`)
 * by an internal redirect that runs before proxy.ts and that next.config.ts `headers()` sources do not match: so
 * neither proxy.ts nor next.config.ts can add a header to them.
 *
 * Each header is filled in only where the answer has none by the time its head is written: what proxy.ts, the route
 * handlers and next.config.ts set (a page's CSP with its nonce, say) always wins, and nothing is sent twice. The
 * CSP filled in is the data answers' own, which allows nothing: these answers are redirects and plain text.
 */
export function fillInSecurityHeaders(options: { https: boolean }): void {
  const proto = ServerResponse.prototype as ServerResponse & { [INSTALLED]?: boolean };
  if (proto[INSTALLED]) return;
  proto[INSTALLED] = true;
  const defaults: [string, string][] = [["Content-Security-Policy", DATA_CSP], ...staticSecurityHeaders(options)];
  const writeHead = proto.writeHead;
  proto.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (!this.headersSent) {
      for (const [name, value] of defaults) if (!this.hasHeader(name)) this.setHeader(name, value);
    }
    return writeHead.apply(this, args);
  } as ServerResponse["writeHead"];
}
