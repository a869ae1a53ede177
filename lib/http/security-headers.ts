/**
 * The security headers of every answer: pages, route handlers, errors and 404s (set by proxy.ts on everything it
 * sees, and by next.config.ts on the static files it does not). Pure, so both can use it and tests can read it.
 */

/** Browser features the app never uses: denied to it and to anything it frames. */
const PERMISSIONS_POLICY = [
  "accelerometer=()",
  "autoplay=()",
  "camera=()",
  "display-capture=()",
  "geolocation=()",
  "gyroscope=()",
  "hid=()",
  "magnetometer=()",
  "microphone=()",
  "midi=()",
  "payment=()",
  "publickey-credentials-get=()",
  "screen-wake-lock=()",
  "serial=()",
  "usb=()",
  "xr-spatial-tracking=()",
].join(", ");

/** Headers that do not depend on the request. */
export function staticSecurityHeaders(options: { https: boolean }): [string, string][] {
  return [
    ["X-Content-Type-Options", "nosniff"],
    ["Referrer-Policy", "same-origin"],
    ["Permissions-Policy", PERMISSIONS_POLICY],
    ["Cross-Origin-Opener-Policy", "same-origin"],
    // Only over https: a browser would otherwise refuse plain-http development sites on this host for a year.
    ...(options.https ? ([["Strict-Transport-Security", "max-age=31536000; includeSubDomains"]] as [string, string][]) : []),
  ];
}

/**
 * Who may frame a page: nobody, except the partner embed (/embed/*), which its partner's allowed origins may frame
 * (`partnerOrigins`: those of the known, active partner the request names; proxy.ts looks them up). An unknown or
 * inactive partner, or none, leaves `'none'`. Origins are ZOrigin-checked when saved, so none can carry a `;` or a
 * space into the policy; checked again here all the same, as this is the header that keeps other sites out.
 */
export function frameAncestors(pathname: string, partnerOrigins: readonly string[] = []): string {
  if (!isEmbedPath(pathname)) return "'none'";
  const origins = partnerOrigins.filter((o) => /^https?:\/\/[a-z0-9.-]+(:\d{1,5})?$/i.test(o));
  return origins.length ? origins.join(" ") : "'none'";
}

/** The partner embed's pages (app/embed/[slug]): framed by partners, set no cookie. */
export function isEmbedPath(pathname: string): boolean {
  return pathname.startsWith("/embed/");
}

/**
 * The Content-Security-Policy of a page: scripts only with this request's nonce (Next.js puts it on its own
 * scripts; 'strict-dynamic' lets them load their chunks), nothing from another host, no plugins, no <base>, forms
 * only to this site. `dev` allows what `next dev`'s hot reload needs.
 */
export function contentSecurityPolicy(options: { nonce: string; pathname: string; dev?: boolean; partnerOrigins?: readonly string[] }): string {
  const script = [`'self'`, `'nonce-${options.nonce}'`, `'strict-dynamic'`, ...(options.dev ? [`'unsafe-eval'`] : [])];
  return [
    `default-src 'self'`,
    `script-src ${script.join(" ")}`,
    `style-src 'self' 'nonce-${options.nonce}'`,
    `img-src 'self' data: blob:`,
    `font-src 'self'`,
    `connect-src 'self'${options.dev ? " ws:" : ""}`,
    // The PDF preview is a blob: of the letters the page fetched.
    `frame-src 'self' blob:`,
    `object-src 'none'`,
    `base-uri 'none'`,
    `form-action 'self'`,
    `frame-ancestors ${frameAncestors(options.pathname, options.partnerOrigins)}`,
  ].join("; ");
}

/** The policy of an answer that is data, not a page (JSON, PDFs, problems): it may run and load nothing. */
export const DATA_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
