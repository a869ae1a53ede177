/** The lines that differ between two versions' texts (docText), for the history page: added, removed, the same. */
import { diffLines } from "diff";

export type TDiffPart = { kind: "added" | "removed" | "same"; text: string };

export function diffDocs(before: string, after: string): TDiffPart[] {
  return diffLines(before, after).map((part) => ({ kind: part.added ? "added" : part.removed ? "removed" : "same", text: part.value }));
}
