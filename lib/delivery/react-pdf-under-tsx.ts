/**
 * Lets scripts run by tsx (`npm run worker`, the benchmark, test child processes) load @react-pdf/renderer.
 *
 * The project is CommonJS to Node (package.json has no "type": "module"), so tsx turns our .ts files into CommonJS
 * and `require`s the ESM-only react-pdf packages, converting them on the fly. One of their imports,
 * `@react-pdf/hyphenate/en-us`, is exported for `import` only, and Node's `require` resolution refuses it
 * (ERR_PACKAGE_PATH_NOT_EXPORTED). When that happens for an @react-pdf subpath, this resolves it to the file the
 * `import` condition names (`lib/<subpath>.js`). Next.js and Vitest resolve ESM themselves and never need this.
 *
 * Import it first, before anything that imports components/pdf. It changes nothing else.
 */
import fs from "node:fs";
import Module from "node:module";
import path from "node:path";

type TParent = { filename?: string | null } | null | undefined;
type TResolver = (request: string, parent: TParent, ...rest: unknown[]) => string;
type TModuleInternals = { _resolveFilename: TResolver; _nodeModulePaths(from: string): string[] };

const internals = Module as unknown as TModuleInternals;
const PATCHED = Symbol.for("urgent-letters.react-pdf-under-tsx");
const marker = globalThis as typeof globalThis & { [PATCHED]?: true };

if (!marker[PATCHED]) {
  marker[PATCHED] = true;
  const original = internals._resolveFilename;
  internals._resolveFilename = function resolveReactPdfSubpath(this: unknown, request, parent, ...rest) {
    try {
      return original.call(this, request, parent, ...rest);
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code !== "ERR_PACKAGE_PATH_NOT_EXPORTED" || !request.startsWith("@react-pdf/")) throw error;
      const [scope, name, ...subpath] = request.split("/");
      if (!name || subpath.length === 0) throw error;
      for (const dir of internals._nodeModulePaths(path.dirname(parent?.filename ?? path.join(process.cwd(), "x")))) {
        const file = path.join(dir, scope!, name, "lib", `${subpath.join("/")}.js`);
        if (fs.existsSync(file)) return file;
      }
      throw error;
    }
  };
}
