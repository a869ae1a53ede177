import type { NextConfig } from "next";
import { parseEnv } from "./lib/settings/parse-env";
import { staticSecurityHeaders } from "./lib/http/security-headers";

// A bad setting fails the build and the start with a message naming the variable.
const settings = parseEnv(process.env);

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files next to its own module; pg has optional native parts.
  // piscina starts its threads from its own files, which must stay where npm put them.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@react-pdf/renderer", "nodemailer", "piscina"],
  poweredByHeader: false,
  // Types and lint are checked by `npm test` (tsc, eslint), not again by every build.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/:path*",
        // proxy.ts sets these (and a CSP) on pages and handlers; this covers the static files it does not see.
        headers: staticSecurityHeaders({ https: (settings.PUBLIC_URL ?? "").startsWith("https://") }).map(([key, value]) => ({ key, value })),
      },
      {
        // The partner's loader (docs/partners.md): a script other sites load, so readable from any origin, kept
        // for five minutes only (a new release reaches partners' pages soon, without a versioned address).
        source: "/embed.js",
        headers: [
          { key: "Cache-Control", value: "public, max-age=300" },
          { key: "Access-Control-Allow-Origin", value: "*" },
          { key: "Cross-Origin-Resource-Policy", value: "cross-origin" },
          { key: "Content-Type", value: "text/javascript; charset=utf-8" },
        ],
      },
    ];
  },
};

export default nextConfig;
