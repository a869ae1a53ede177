/**
 * Renders letters to a PDF file in memory. The fonts are parsed once per process (see ./fonts.ts): the first render
 * pays ~0.3 s for that and for warming up, later ones only lay out, shape new words and subset.
 */
import { renderToBuffer } from "@react-pdf/renderer";
import type { TLetterDocument } from "@/lib/letters/types";
import { loadPdfFonts } from "./fonts";
import { LetterDocument } from "./letter-document";

export async function renderLetterPdf(document: TLetterDocument): Promise<Buffer> {
  await loadPdfFonts();
  // LetterDocument is a plain function of its props (no hooks), so it is called directly: renderToBuffer wants the
  // <Document> element itself.
  return renderToBuffer(LetterDocument({ document }));
}
