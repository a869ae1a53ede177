import type { NextConfig } from "next";
import { parseEnv } from "./lib/env";

// A bad setting fails the build and the start with a message naming the variable.
parseEnv(process.env);

const nextConfig: NextConfig = {
  // PGlite loads its WebAssembly and data files next to its own module; pg has optional native parts.
  serverExternalPackages: ["@electric-sql/pglite", "pg", "@react-pdf/renderer", "nodemailer"],
  poweredByHeader: false,
  // Types and lint are checked by `npm test` (tsc, eslint), not again by every build.
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
