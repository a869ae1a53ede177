/**
 * The confirm step's question, "Cancel 3 queued letters to Minister X?": the exact count, by status when there are
 * several, and the officials the letters go to. Pure and client-shared (the admin's browser code asks it).
 */
import type { TLetterActionPreview } from "./preview-letter-action";

export const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const VERB = { retry: "Retry", cancel: "Cancel" } as const;

export function confirmQuestion(action: keyof typeof VERB, preview: TLetterActionPreview): string {
  const statuses = Object.entries(preview.byStatus).filter(([, n]) => n);
  const what =
    statuses.length === 1
      ? `${preview.count} ${statuses[0]![0]} letter${preview.count === 1 ? "" : "s"}`
      : `${plural(preview.count, "letter")} (${statuses.map(([s, n]) => `${n} ${s}`).join(", ")})`;
  const names = preview.officials.map((o) => o.name);
  const others = preview.officialCount - names.length;
  const to = others > 0 ? `${names.join(", ")} and ${plural(others, "other official")}` : names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
  return `${VERB[action]} ${what} to ${to}?`;
}
