import fs from "node:fs";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script, without types
import { EMBED_MAX_GZIP, buildEmbed } from "../../scripts/build-embed.mjs";

describe("public/embed.js", () => {
  it("is the build of lib/embed/loader.ts (run npm run build:embed after changing it)", async () => {
    const built = (await buildEmbed()) as string;
    expect(fs.readFileSync(path.join(process.cwd(), "public", "embed.js"), "utf8")).toBe(built);
  });

  it("is at most 1 KB gzipped and has no zod in it", async () => {
    const built = (await buildEmbed()) as string;
    expect(EMBED_MAX_GZIP).toBe(1024);
    expect(gzipSync(Buffer.from(built)).length).toBeLessThanOrEqual(1024);
    expect(built).not.toMatch(/ZodError|safeParse/);
    // Never posted to "*".
    expect(built).not.toContain('"*"');
  });
});
