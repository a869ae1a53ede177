/**
 * A PDF rendering thread (see pdf-threads.ts): lays out one document and hands the bytes back without copying them.
 * Loaded by tsx in the thread, like the worker process that starts it.
 */
import Piscina from "piscina";
import { renderLetterPdf } from "@/components/pdf/render-pdf";
import type { TLetterDocument } from "@/lib/letters/types";

export default async function render(document: TLetterDocument) {
  const pdf = await renderLetterPdf(document);
  // A Buffer may be a view into a shared pool: move a copy of exactly its bytes.
  return Piscina.move(new Uint8Array(pdf));
}
