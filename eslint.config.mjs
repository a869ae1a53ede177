import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    // Leaving fields out of an object by destructuring ({ text: _text, ...rest }) is not an unused variable.
    rules: { "@typescript-eslint/no-unused-vars": ["warn", { ignoreRestSiblings: true }] },
  },
  {
    // Node preload scripts (scripts/*.cjs) are CommonJS by design: NODE_OPTIONS=--require loads them.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    // The site's pages link with plain <a>: each is rendered per request, and a full page load renders the header's
    // language switch for the page it lands on (a client-side navigation keeps the layout, and its stale links).
    files: ["app/**/*.tsx", "components/**/*.tsx"],
    rules: { "@next/next/no-html-link-for-pages": "off", "@next/next/no-location-assign-relative-destination": "off" },
  },
  {
    // public/embed.js is built from lib/embed/loader.ts (scripts/build-embed.mjs), which is linted instead.
    ignores: [".next/**", "node_modules/**", ".data/**", ".data-*/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "lib/db/migrations/**", "public/embed.js"],
  },
];

export default config;
