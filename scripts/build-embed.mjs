#!/usr/bin/env node
/**
 * Builds the partner's loader, lib/embed/loader.ts, into public/embed.js: minified, one IIFE, for browsers from
 * 2019 on. `npm run build` and `npm start` run it before `next build`; the file is committed too, and
 * lib/embed/embed-build.test.ts rebuilds it and compares, so the committed copy cannot go stale. Refuses a loader
 * over EMBED_MAX_GZIP bytes gzipped: partners put it on every page they have.
 */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export const EMBED_MAX_GZIP = 1024;
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

/** The loader's code, as public/embed.js holds it. */
export async function buildEmbed() {
  const { build } = await import("esbuild");
  const result = await build({
    entryPoints: [path.join(root, "lib", "embed", "loader.ts")],
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2019",
    write: false,
    legalComments: "none",
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const out = path.join(root, "public", "embed.js");
  let code;
  try {
    code = await buildEmbed();
  } catch (error) {
    // An install without devDependencies has no esbuild: the committed file is the same build.
    if (error?.code === "ERR_MODULE_NOT_FOUND" && fs.existsSync(out)) {
      console.warn("embed.js: esbuild is not installed; keeping the committed public/embed.js.");
      process.exit(0);
    }
    throw error;
  }
  const gzip = gzipSync(Buffer.from(code)).length;
  if (gzip > EMBED_MAX_GZIP) {
    console.error(`embed.js: ${gzip} bytes gzipped, over the ${EMBED_MAX_GZIP} allowed: make lib/embed/loader.ts smaller.`);
    process.exit(1);
  }
  if (!fs.existsSync(out) || fs.readFileSync(out, "utf8") !== code) fs.writeFileSync(out, code);
  console.log(`embed.js: ${code.length} bytes, ${gzip} gzipped (at most ${EMBED_MAX_GZIP})`);
}
