#!/usr/bin/env node
/**
 * `npm start`: builds the app when there is no build or the sources changed since the last one, then serves it with
 * `next start` on PORT (default 3000). The server itself applies migrations, loads the campaigns and prints its
 * address (instrumentation.ts). Settings are validated by next.config.ts, so a bad value stops both steps with a
 * message naming the variable.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const stampFile = path.join(root, ".next", "urgent-letters-build");

/** Everything the build is made from: a change to any of it means the build is stale. */
const BUILD_INPUTS = ["app", "components", "lib", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package.json", "tsconfig.json"];

function fingerprint() {
  const hash = createHash("sha256");
  const visit = (p) => {
    let stat;
    try {
      stat = fs.statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      for (const name of fs.readdirSync(p).sort()) {
        if (!name.endsWith(".test.ts") && !name.endsWith(".test.tsx")) visit(path.join(p, name));
      }
    } else {
      hash.update(path.relative(root, p));
      hash.update(fs.readFileSync(p));
    }
  };
  for (const input of BUILD_INPUTS) visit(path.join(root, input));
  return hash.digest("hex");
}

const current = fingerprint();
const built = fs.existsSync(path.join(root, ".next", "BUILD_ID")) && fs.existsSync(stampFile) ? fs.readFileSync(stampFile, "utf8") : "";
if (built !== current) {
  console.log("Urgent Letters: building the app (first start, or the sources changed)…");
  // The partner's loader first (public/embed.js, from lib/embed/loader.ts): Next.js serves it as a static file.
  const embed = spawnSync(process.execPath, [path.join(root, "scripts", "build-embed.mjs")], { cwd: root, stdio: "inherit" });
  if (embed.status !== 0) process.exit(embed.status ?? 1);
  // Taken again before the build: building the loader may have rewritten public/embed.js.
  const sources = fingerprint();
  const result = spawnSync(process.execPath, [nextBin, "build"], { cwd: root, stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) process.exit(result.status ?? 1);
  fs.writeFileSync(stampFile, sources);
}

const port = process.env.PORT && process.env.PORT.trim() !== "" ? process.env.PORT : "3000";
// `next start` listens on every interface. Behind a proxy that is the proxy's business; without one, say how the
// limits then see clients (lib/http/client-address.ts).
if ((process.env.TRUSTED_PROXIES ?? "1").trim() !== "0") {
  console.warn(
    `Urgent Letters: listening on all interfaces, port ${port}, expecting ${process.env.TRUSTED_PROXIES || 1} reverse proxy in front ` +
      "(TRUSTED_PROXIES). Requests that come straight from a public address are limited by that address; see docs/deploy.md.",
  );
}
const child = spawn(process.execPath, [nextBin, "start", "--port", port], {
  cwd: root,
  stdio: "inherit",
  // The app stops itself on a signal (lib/boot.ts): it finishes sending and closes the embedded database first.
  // peer-address.cjs tells the rate limits which address the request really came from (see the file).
  env: {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: "1",
    NEXT_MANUAL_SIG_HANDLE: "true",
    NODE_OPTIONS: [process.env.NODE_OPTIONS, `--require ${JSON.stringify(path.join(root, "scripts", "peer-address.cjs"))}`].filter(Boolean).join(" "),
  },
});
// Pass signals on, so stopping `npm start` stops the server and closes the embedded database cleanly.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
