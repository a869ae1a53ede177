/**
 * PDF letter benchmark: `tsx bench/pdf.ts` (about 20-40 s).
 *
 * Set PDF_BENCH_OUT=<dir> to keep the rendered PDFs (react-pdf and Chromium) for a look.
 *
 * Measures, warm, react-pdf rendering of the 2-page letter and of a 10-recipient A4 document (median, p95, size),
 * letters per second in one process and with two worker threads, and the same 2-page letter printed by a warm
 * Chromium (`page.pdf()`) from equivalent HTML with the same TTFs.
 *
 * The PDF code is bundled first with esbuild, as Next.js does for the server: our sources inlined, packages left
 * external (imported natively by Node from node_modules). Workers import the same bundle, so each thread loads one
 * file instead of compiling TypeScript.
 */
// React and react-pdf's reconciler pick their production builds from this, as under `next start`.
(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { Worker } from "node:worker_threads";
import * as esbuild from "esbuild";
import type { TLetterDocument, TLetterPage } from "@/lib/letters/types";
import type * as FontsModule from "@/components/pdf/fonts";
import type * as RenderModule from "@/components/pdf/render-pdf";
import type * as SampleModule from "@/components/pdf/sample-letter";

type TLib = typeof FontsModule &
  typeof RenderModule &
  typeof SampleModule & {
    /** The two ways react-pdf renders in memory, for comparison. */
    viaRenderToBuffer(document: TLetterDocument): Promise<Buffer>;
    viaPdfToBuffer(document: TLetterDocument): Promise<Buffer>;
    /** A distinct 2-page letter: its own recipient and its own personal note. */
    uniqueLetter(index: number): TLetterDocument;
  };

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const WARMUP = 8;
/** Distinct letters rendered first in each worker (and serially): JIT and word cache warm, as in a running server. */
const THROUGHPUT_WARMUP = 30;
const ROUNDS = 5;
const PER_ROUND_2PAGE = 20;
const PER_ROUND_10 = 3;
const LETTERS_TOTAL = 200;
const CHROMIUM_RUNS = 5 * 6;

// ---------------------------------------------------------------------------------------------------------------------
// Bundling

/** Resolves bare imports to absolute file URLs and leaves them external, so the bundle can live in a temp dir. */
const externalPackages: esbuild.Plugin = {
  name: "external-packages",
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === "resolving" || args.path.startsWith("@/")) return undefined;
      const resolveDir = args.resolveDir.startsWith(ROOT) ? args.resolveDir : ROOT;
      const result = await build.resolve(args.path, { kind: args.kind, resolveDir, pluginData: "resolving" });
      if (result.errors.length > 0) return { errors: result.errors };
      if (!path.isAbsolute(result.path)) return { path: result.path, external: true }; // node: builtins
      if (result.path.includes(`${path.sep}node_modules${path.sep}`)) return { path: pathToFileURL(result.path).href, external: true };
      return result;
    });
  },
};

/** The bundle's entry: our modules, plus two render paths and distinct letters for the measurements. */
const BUNDLE_ENTRY = `
export * from "@/components/pdf/render-pdf";
export * from "@/components/pdf/sample-letter";
export * from "@/components/pdf/fonts";
import { createElement } from "react";
import { pdf, renderToBuffer } from "@react-pdf/renderer";
import { LetterDocument } from "@/components/pdf/letter-document";
import { loadPdfFonts } from "@/components/pdf/fonts";
import { sampleLetterDocument } from "@/components/pdf/sample-letter";
export async function viaRenderToBuffer(document) {
  await loadPdfFonts();
  return renderToBuffer(createElement(LetterDocument, { document }));
}
export async function viaPdfToBuffer(document) {
  await loadPdfFonts();
  const stream = await pdf(createElement(LetterDocument, { document })).toBuffer();
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
const NOTES = [
  "I have followed her work for years and I am deeply worried.",
  "Please let her lawyers and her family see her without delay.",
  "Her courage inspires many of us in Almaty and Shymkent.",
  "Жанар Секербаеваға бостандық! Әділдік үшін.",
  "A country is judged by how it treats those who defend others.",
];
export function uniqueLetter(i) {
  const note = NOTES[i % NOTES.length] + " (letter " + (i + 1) + ")\\n" + NOTES[(i * 3 + 1) % NOTES.length];
  return sampleLetterDocument({ letters: 1, paper: "A4", variant: "2-page", firstRecipient: i, personalNote: note });
}
`;

async function bundle(dir: string): Promise<string> {
  const outfile = path.join(dir, "pdf-lib.mjs");
  await esbuild.build({
    stdin: {
      contents: BUNDLE_ENTRY,
      resolveDir: ROOT,
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "node",
    target: "node20",
    jsx: "automatic",
    alias: { "@": ROOT },
    plugins: [externalPackages],
    outfile,
    logLevel: "error",
  });
  return outfile;
}

/** Worker: imports the bundle, warms up, waits for "go", renders its share of unique letters, reports. */
const WORKER_SOURCE = `
import { parentPort, workerData } from "node:worker_threads";
const lib = await import(workerData.lib);
const letters = (from, count) => Array.from({ length: count }, (_, i) => lib.uniqueLetter(from + i));
for (const doc of letters(100000, ${THROUGHPUT_WARMUP})) await lib.renderLetterPdf(doc);
const docs = letters(workerData.offset, workerData.count);
parentPort.postMessage("ready");
parentPort.once("message", async () => {
  for (const doc of docs) await lib.renderLetterPdf(doc);
  parentPort.postMessage("done");
});
`;

// ---------------------------------------------------------------------------------------------------------------------
// Statistics

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

type TStats = { median: number; p95: number; n: number; bytes: number };

async function measure(render: () => Promise<Uint8Array>, rounds: number, perRound: number): Promise<TStats> {
  const times: number[] = [];
  let bytes = 0;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < perRound; i++) {
      const start = performance.now();
      const pdf = await render();
      times.push(performance.now() - start);
      bytes = pdf.byteLength;
    }
  }
  times.sort((a, b) => a - b);
  return { median: quantile(times, 0.5), p95: quantile(times, 0.95), n: times.length, bytes };
}

// ---------------------------------------------------------------------------------------------------------------------
// Chromium: the same letter as HTML

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function inlinesHtml(inlines: readonly { text: string; bold?: boolean; italic?: boolean }[]): string {
  return inlines
    .map((i) => {
      let html = esc(i.text).replace(/\n/g, "<br>");
      if (i.bold) html = `<b>${html}</b>`;
      if (i.italic) html = `<i>${html}</i>`;
      return html;
    })
    .join("");
}

/** The letter laid out like components/pdf/letter-document.tsx (A4, DIN 5008 form B), with the same font files. */
function letterHtml(letter: TLetterPage, fontFile: (style: keyof typeof FontsModule.PDF_FONT_FILES) => string): string {
  const face = (style: keyof typeof FontsModule.PDF_FONT_FILES, weight: number, italic: boolean) =>
    `@font-face{font-family:"Noto Serif L";src:url("${pathToFileURL(fontFile(style)).href}") format("truetype");font-weight:${weight};font-style:${italic ? "italic" : "normal"}}`;
  const blocks = letter.blocks
    .map((block) => {
      if (block.type === "paragraph") return `<p>${inlinesHtml(block.inlines)}</p>`;
      if (block.type === "quote") return `<blockquote>${inlinesHtml(block.inlines)}</blockquote>`;
      const tag = block.ordered ? "ol" : "ul";
      return `<${tag}>${block.items.map((item) => `<li>${inlinesHtml(item)}</li>`).join("")}</${tag}>`;
    })
    .join("\n");
  return `<!doctype html><html lang="${letter.language}"><head><meta charset="utf-8"><style>
${face("regular", 400, false)}${face("bold", 700, false)}${face("italic", 400, true)}${face("boldItalic", 700, true)}
@page{size:A4;margin:20mm 20mm 20mm 25mm}
html,body{margin:0;padding:0}
body{font-family:"Noto Serif L";font-size:11pt;line-height:1.35;color:#000}
.head{position:relative;height:74mm}
.sender{position:absolute;top:0;right:0;text-align:right;font-size:9pt;line-height:1.3}
.sender div:first-child{font-weight:700}
.return{position:absolute;top:${45 - 20 + 12}mm;left:0;font-size:7pt}
.address{position:absolute;top:${62.7 - 20}mm;left:0;width:75mm;font-size:10pt;line-height:12pt}
.fold{position:absolute;left:-20mm;width:5mm;border-top:0.4pt solid #9a9a9a}
.date{text-align:right}
h1{font-size:11pt;font-weight:700;margin:14.85pt 0 6pt}
p,blockquote,ol,ul{margin:7.7pt 0 0}
blockquote{margin-left:8mm;margin-right:8mm;font-size:10.5pt}
ol,ul{padding-left:18pt}
li{break-inside:avoid;margin-top:3.3pt}
</style></head><body>
<div class="head">
<div class="sender">${letter.sender.map((l) => `<div>${esc(l)}</div>`).join("")}</div>
<div class="return">${esc(letter.sender.join(" · "))}</div>
<div class="address">${letter.recipientAddress.map((l) => `<div>${esc(l)}</div>`).join("")}</div>
<div class="fold" style="top:85mm"></div><div class="fold" style="top:190mm"></div>
</div>
<div class="date">${esc(letter.dateText)}</div>
<h1>${esc(letter.subject)}</h1>
${blocks}
</body></html>`;
}

const FOOTER_TEMPLATE = (text: string) =>
  `<div style="font-size:7.5pt;width:100%;margin:0 20mm 0 25mm;border-top:0.5pt solid #000;padding-top:3pt;display:flex;justify-content:space-between"><span>${esc(text)}</span><span><span class="pageNumber"></span> / <span class="totalPages"></span></span></div>`;

async function measureChromium(letter: TLetterPage, lib: TLib, dir: string): Promise<TStats> {
  const { chromium } = await import("@playwright/test");
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const page = await browser.newPage();
    // A file:// document, so that setContent() may load the fonts from file:// URLs.
    const blank = path.join(dir, "blank.html");
    fs.writeFileSync(blank, "<!doctype html><title>bench</title>");
    await page.goto(pathToFileURL(blank).href);
    const html = letterHtml(letter, lib.pdfFontPath);
    const render = async () => {
      await page.setContent(html, { waitUntil: "load" });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      return page.pdf({ preferCSSPageSize: true, printBackground: true, displayHeaderFooter: true, headerTemplate: "<span></span>", footerTemplate: FOOTER_TEMPLATE(letter.footer) });
    };
    for (let i = 0; i < 5; i++) await render();
    const stats = await measure(render, ROUNDS, CHROMIUM_RUNS / ROUNDS);
    fs.writeFileSync(path.join(dir, "chromium.pdf"), await render());
    return stats;
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------------------------------

async function lettersPerSecondWorkers(libFile: string, dir: string, workers: number, total: number): Promise<number> {
  const workerFile = path.join(dir, "worker.mjs");
  fs.writeFileSync(workerFile, WORKER_SOURCE);
  const share = Math.ceil(total / workers);
  const pool = Array.from({ length: workers }, (_, i) => new Worker(workerFile, { workerData: { lib: pathToFileURL(libFile).href, offset: i * share, count: share } }));
  const next = (w: Worker) => new Promise<void>((resolve, reject) => {
    w.once("message", () => resolve());
    w.once("error", reject);
  });
  await Promise.all(pool.map(next)); // ready (warm)
  const start = performance.now();
  const done = Promise.all(pool.map(next));
  for (const w of pool) w.postMessage("go");
  await done;
  const seconds = (performance.now() - start) / 1000;
  await Promise.all(pool.map((w) => w.terminate()));
  return (share * workers) / seconds;
}

/** Page objects in a PDF written by pdfkit (no object streams). */
function pageCount(pdf: Uint8Array): number {
  return Buffer.from(pdf).toString("latin1").match(/\/Type \/Page\b/g)?.length ?? 0;
}

function row(cells: (string | number)[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]!) : String(c).padStart(widths[i]!))).join("  ");
}

async function main() {
  const began = performance.now();
  const loadBefore = os.loadavg()[0]!;
  process.chdir(ROOT); // the fonts are found from the working directory (components/pdf/fonts.ts)
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "urgent-letters-bench-"));
  try {
    const libFile = await bundle(dir);
    const lib = (await import(pathToFileURL(libFile).href)) as TLib;
    const { renderLetterPdf, sampleLetterDocument } = lib;

    const twoPage = sampleLetterDocument({ letters: 1, paper: "A4", variant: "2-page" });
    const tenLetters = sampleLetterDocument({ letters: 10, paper: "A4" });

    let start = performance.now();
    const first = await renderLetterPdf(twoPage);
    const coldMs = performance.now() - start;
    fs.writeFileSync(path.join(dir, "two-page.pdf"), first);
    for (let i = 0; i < WARMUP; i++) await renderLetterPdf(twoPage);
    for (let i = 0; i < 2; i++) await renderLetterPdf(tenLetters);

    const twoStats = await measure(() => renderLetterPdf(twoPage), ROUNDS, PER_ROUND_2PAGE);
    const tenStats = await measure(() => renderLetterPdf(tenLetters), ROUNDS, PER_ROUND_10);

    // renderToBuffer vs pdf().toBuffer() (a stream, collected): interleaved, same document.
    const viaBuffer: number[] = [];
    const viaStream: number[] = [];
    for (let i = 0; i < 2 * PER_ROUND_2PAGE; i++) {
      start = performance.now();
      await lib.viaRenderToBuffer(twoPage);
      viaBuffer.push(performance.now() - start);
      start = performance.now();
      await lib.viaPdfToBuffer(twoPage);
      viaStream.push(performance.now() - start);
    }
    viaBuffer.sort((a, b) => a - b);
    viaStream.sort((a, b) => a - b);

    // Without the word shaping cache (every word shaped again, as react-pdf does by default).
    lib.setPdfShapingCache(false);
    for (let i = 0; i < 3; i++) await renderLetterPdf(twoPage);
    const noCache = await measure(() => renderLetterPdf(twoPage), 2, PER_ROUND_2PAGE);
    lib.setPdfShapingCache(true);

    // Letters per second: 200 distinct 2-page letters (own recipient and personal note each).
    for (let i = 0; i < THROUGHPUT_WARMUP; i++) await renderLetterPdf(lib.uniqueLetter(100_000 + i));
    const letters = Array.from({ length: LETTERS_TOTAL }, (_, i) => lib.uniqueLetter(i));
    start = performance.now();
    for (const doc of letters) await renderLetterPdf(doc);
    const serialRate = LETTERS_TOTAL / ((performance.now() - start) / 1000);
    const parallelRate = await lettersPerSecondWorkers(libFile, dir, 2, LETTERS_TOTAL);

    const chromium = await measureChromium(twoPage.letters[0]!, lib, dir);

    const w = [44, 10, 10, 10];
    const f = (n: number) => n.toFixed(1);
    const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
    console.log(
      `\nPDF letters benchmark (Node ${process.version}, ${os.cpus().length} cores, NODE_ENV=${process.env.NODE_ENV}, ` +
        `load average before ${loadBefore.toFixed(2)}, after ${os.loadavg()[0]!.toFixed(2)}: other busy processes skew the figures)\n`,
    );
    console.log(row(["render (ms, warm)", "median", "p95", "size"], w));
    console.log(row(["react-pdf 2-page letter (A4)", f(twoStats.median), f(twoStats.p95), kb(twoStats.bytes)], w));
    console.log(row(["react-pdf 2-page letter, shaping cache off", f(noCache.median), f(noCache.p95), kb(noCache.bytes)], w));
    console.log(row(["react-pdf 10-recipient document (A4)", f(tenStats.median), f(tenStats.p95), kb(tenStats.bytes)], w));
    console.log(row(["chromium page.pdf() 2-page letter (A4)", f(chromium.median), f(chromium.p95), kb(chromium.bytes)], w));
    console.log(row(["react-pdf cold first render (fonts, JIT)", f(coldMs), "", ""], w));
    console.log("");
    console.log(`renderToBuffer() median ${f(quantile(viaBuffer, 0.5))} ms, pdf().toBuffer() stream median ${f(quantile(viaStream, 0.5))} ms`);
    console.log(`pages: 2-page letter ${pageCount(first)}, 10-recipient document ${pageCount(await renderLetterPdf(tenLetters))}`);
    console.log("");
    console.log(row(["throughput (distinct 2-page letters)", "letters/s", "", ""], w));
    console.log(row(["1 process, serial", f(serialRate), "", ""], w));
    console.log(row(["2 worker threads", f(parallelRate), "", ""], w));
    console.log("");
    console.log(`chromium / react-pdf (median): ${(chromium.median / twoStats.median).toFixed(2)}x`);
    console.log(`samples: ${twoStats.n} x 2-page, ${tenStats.n} x 10-recipient, ${chromium.n} x chromium; total ${((performance.now() - began) / 1000).toFixed(0)} s`);
  } finally {
    const keep = process.env.PDF_BENCH_OUT;
    if (keep) {
      fs.mkdirSync(keep, { recursive: true });
      for (const file of fs.readdirSync(dir).filter((f) => f.endsWith(".pdf"))) fs.copyFileSync(path.join(dir, file), path.join(keep, file));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
