/**
 * The one typeface of the PDF letters: Noto Serif, one full TTF per style (regular, bold, italic, bold italic), each
 * covering Latin and Cyrillic including the Kazakh letters Ә Ғ Қ Ң Ө Ұ Ү Һ І. One family, never a fallback array: a
 * `fontFamily` array embeds a new font copy at every switch, and the split @fontsource WOFF2 files crash the subsetter
 * (see /work/shared/research/stack.md). pdfkit subsets each style, so a letter embeds at most four small subsets.
 *
 * The TTFs are read from node_modules at run time by path (not imported), which works the same under the Next.js server
 * (where @react-pdf/renderer is a server external package), Vitest and bundled scripts (bench/pdf.ts; plain `tsx` cannot
 * load @react-pdf/renderer in this CommonJS package, see there).
 */
import fs from "node:fs";
import path from "node:path";
import { Font } from "@react-pdf/renderer";

/** The `fontFamily` to use in the PDF styles. */
export const PDF_FONT_FAMILY = "Noto Serif";

const FONT_PACKAGE = path.join("node_modules", "@expo-google-fonts", "noto-serif");

/** The four styles, as files inside the package. */
export const PDF_FONT_FILES = {
  regular: "400Regular/NotoSerif_400Regular.ttf",
  bold: "700Bold/NotoSerif_700Bold.ttf",
  italic: "400Regular_Italic/NotoSerif_400Regular_Italic.ttf",
  boldItalic: "700Bold_Italic/NotoSerif_700Bold_Italic.ttf",
} as const;

let fontDirectory: string | undefined;

/**
 * The package's directory: found from the working directory upwards (the app, Vitest, tsx and `next start` all run from
 * the project root or below it). Throws a clear error if the font package is not installed.
 */
export function pdfFontDirectory(): string {
  if (fontDirectory) return fontDirectory;
  let dir = process.cwd();
  for (;;) {
    const candidate = path.join(/*turbopackIgnore: true*/ dir, FONT_PACKAGE);
    if (fs.existsSync(path.join(/*turbopackIgnore: true*/ candidate, PDF_FONT_FILES.regular))) {
      fontDirectory = candidate;
      return candidate;
    }
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  throw new Error(`PDF fonts not found: no ${FONT_PACKAGE} above ${process.cwd()} (is @expo-google-fonts/noto-serif installed?)`);
}

/** The absolute path of one style's TTF. */
export function pdfFontPath(style: keyof typeof PDF_FONT_FILES): string {
  // The directory is found at run time; telling the bundler so keeps it from tracing the whole project.
  return path.join(/*turbopackIgnore: true*/ pdfFontDirectory(), PDF_FONT_FILES[style]);
}

let registered = false;

/**
 * Registers the family once per process (later calls do nothing), and turns hyphenation off: react-pdf's built-in
 * hyphenator knows English patterns only, it would split French, Russian and Kazakh words wrongly, and a formal letter
 * reads better unhyphenated (the body is set ragged right). Over-long words may still break where allowBreaks() says.
 */
export function registerPdfFonts(): void {
  if (registered) return;
  Font.register({
    family: PDF_FONT_FAMILY,
    fonts: [
      { src: pdfFontPath("regular"), fontWeight: 400, fontStyle: "normal" },
      { src: pdfFontPath("bold"), fontWeight: 700, fontStyle: "normal" },
      { src: pdfFontPath("italic"), fontWeight: 400, fontStyle: "italic" },
      { src: pdfFontPath("boldItalic"), fontWeight: 700, fontStyle: "italic" },
    ],
  });
  Font.registerHyphenationCallback(splitWord);
  registered = true;
}

/** The four registered styles, as react-pdf font descriptors. */
const PDF_FONT_DESCRIPTORS = [
  { fontFamily: PDF_FONT_FAMILY, fontWeight: 400, fontStyle: "normal" },
  { fontFamily: PDF_FONT_FAMILY, fontWeight: 700, fontStyle: "normal" },
  { fontFamily: PDF_FONT_FAMILY, fontWeight: 400, fontStyle: "italic" },
  { fontFamily: PDF_FONT_FAMILY, fontWeight: 700, fontStyle: "italic" },
] as const;

/**
 * Loads (parses) the four TTFs and installs the shaping cache on them. Call it before rendering (renderLetterPdf
 * does); it is cheap after the first call, and calling it at server start moves the ~0.2 s font parsing out of the
 * first request.
 */
export async function loadPdfFonts(): Promise<void> {
  registerPdfFonts();
  for (const descriptor of PDF_FONT_DESCRIPTORS) {
    await Font.load(descriptor);
    installShapingCache(Font.getFont(descriptor).data);
  }
}

// ---------------------------------------------------------------------------------------------------------------------
// Shaping cache. Profiling a warm render showed OpenType shaping (fontkit's GSUB/GPOS: kerning, ligatures, marks) to be
// the largest single cost, about a quarter of the time, and react-pdf shapes every paragraph from scratch in every
// render. Like browsers (Blink's word shape cache), we shape word by word and keep each shaped word: the template text
// of a campaign is the same in every letter, and even personal notes reuse most words. Words are split at spaces only
// and shaped with the script of the whole run (no lookup of Noto Serif's GSUB/GPOS involves the space glyph, so the
// glyphs and positions are those of shaping the whole run: the tests check it). The result is an ordinary fontkit
// GlyphRun; react-pdf copies the positions before changing them and never changes the glyph arrays of a run, so cached
// entries are never mutated.

/** The part of a fontkit font and glyph run that the cache touches. */
type TGlyphRun = { glyphs: unknown[]; positions: { xAdvance: number }[]; script: unknown; language: unknown; direction: unknown; features: unknown };
type TLayout = (text: string, features?: unknown, script?: unknown, language?: unknown, direction?: unknown) => TGlyphRun;
type TShapingFont = { layout: TLayout; unitsPerEm: number };

/** Distinct (feature set, word) entries kept per font before the cache starts afresh. */
const MAX_CACHED_WORDS = 20_000;

let shapingCacheEnabled = true;
/** Marks a font object whose layout is already wrapped (a symbol shared by module reloads in `next dev`). */
const WRAPPED = Symbol.for("urgent-letters.pdf.shaping-cache");

/** Turns the shaping cache on or off (for measurements; it is on by default). */
export function setPdfShapingCache(enabled: boolean): void {
  shapingCacheEnabled = enabled;
}

function isShapingFont(font: unknown): font is TShapingFont {
  return (
    typeof font === "object" &&
    font !== null &&
    typeof (font as { layout?: unknown }).layout === "function" &&
    typeof (font as { unitsPerEm?: unknown }).unitsPerEm === "number"
  );
}

/**
 * The width in points of `text` set in the regular style at `fontSize`: measured once the fonts are loaded (as they are
 * during renderLetterPdf), estimated before that.
 */
export function pdfTextWidth(text: string, fontSize: number): number {
  registerPdfFonts();
  const font = Font.getFont(PDF_FONT_DESCRIPTORS[0]).data;
  if (!isShapingFont(font)) return text.length * 0.55 * fontSize;
  const advance = font.layout(text, undefined, undefined, undefined, "ltr").positions.reduce((sum, p) => sum + p.xAdvance, 0);
  return (advance / font.unitsPerEm) * fontSize;
}

const WORDS = / +|[^ ]+/g;
const FIRST_LETTER = /\p{L}/u;
const SCRIPT_TAGS: readonly [RegExp, string][] = [
  [/\p{Script=Latin}/u, "latn"],
  [/\p{Script=Cyrillic}/u, "cyrl"],
  [/\p{Script=Greek}/u, "grek"],
];

/**
 * The OpenType script fontkit would pick for the whole run (that of its first letter), so that every word is shaped as
 * part of the run: "latn", "cyrl" or "grek"; undefined when the run has no letter (fontkit's default then); null for
 * other scripts, which are not cached (complex shaping is left to fontkit as it is).
 */
function runScript(text: string): string | null | undefined {
  const letter = FIRST_LETTER.exec(text)?.[0];
  if (letter === undefined) return undefined;
  for (const [pattern, tag] of SCRIPT_TAGS) if (pattern.test(letter)) return tag;
  return null;
}

function installShapingCache(font: unknown): void {
  if (!isShapingFont(font) || WRAPPED in font) return;
  Object.defineProperty(font, WRAPPED, { value: true });
  const shape: TLayout = font.layout.bind(font);
  const cache = new Map<string, TGlyphRun>();
  font.layout = (text, features, script, language, direction) => {
    // Only the calls react-pdf makes (a string, no explicit script or language) in simple scripts are cached.
    const tag = typeof text === "string" && script === undefined && language === undefined ? runScript(text) : null;
    if (!shapingCacheEnabled || tag === null) return shape(text, features, script, language, direction);
    const prefix = `${String(direction)}\u0000${tag ?? ""}\u0000${features === undefined ? "" : JSON.stringify(features)}\u0000`;
    const shapeWord = (word: string): TGlyphRun => {
      let run = cache.get(prefix + word);
      if (!run) {
        if (cache.size >= MAX_CACHED_WORDS) cache.clear();
        run = shape(word, features, tag, undefined, direction);
        cache.set(prefix + word, run);
      }
      return run;
    };
    // A new run object and glyph array every time; the cached runs themselves are never handed out.
    const runs = (text.match(WORDS) ?? [text]).map(shapeWord);
    const first = runs[0]!;
    const combined: TGlyphRun = Object.create(Object.getPrototypeOf(first));
    combined.glyphs = runs.flatMap((run) => run.glyphs);
    combined.positions = runs.flatMap((run) => run.positions);
    combined.script = first.script;
    combined.language = first.language;
    combined.direction = first.direction;
    combined.features = first.features;
    return combined;
  };
}

/** Longest run of characters kept whole; a longer word (a URL) gets break opportunities (see allowBreaks). */
const MAX_UNBROKEN = 40;

/** U+FEFF: invisible, zero width, and white space to react-pdf's line breaker, so a line may end there without "-". */
const BREAK = "\uFEFF";
const BREAK_AFTER = /[/?&=_.\-]/;

/**
 * Marks where an over-long word (a URL in a supporter's note) may break: after "/", "?", "&", "=", "_", ".", "-" and at
 * least every MAX_UNBROKEN characters. Without it react-pdf cuts such a word off at the right margin; with a
 * hyphenation break it would insert a misleading "-" into the URL. Shorter words are returned unchanged.
 */
export function allowBreaks(text: string): string {
  return text.replace(/[^\s]{41,}/g, (word) => {
    let out = "";
    let sinceBreak = 0;
    for (const ch of word) {
      out += ch;
      sinceBreak += 1;
      if (sinceBreak >= MAX_UNBROKEN || (sinceBreak >= 8 && BREAK_AFTER.test(ch))) {
        out += BREAK;
        sinceBreak = 0;
      }
    }
    return out.endsWith(BREAK) ? out.slice(0, -BREAK.length) : out;
  });
}

/** Hyphenation callback: words stay whole (no hyphenation in any language); marked break points become spaces. */
export function splitWord(word: string): string[] {
  return word.includes(BREAK) ? word.split(/(\uFEFF)/).filter(Boolean) : [word];
}
