/**
 * What each bulk action on letters may change: retry takes only failed email letters (back to the queue, due now);
 * cancel takes only letters that have not left (queued, or held for a suspect address). The guard is part of the
 * UPDATE's WHERE, so a letter that changed since the confirm step is simply not counted.
 */
import type { TLetterStatus } from "./select-letters";

export const BULK_ACTIONS = {
  retry: { from: ["failed"] as const satisfies readonly TLetterStatus[], verb: "Retry", noun: "failed" },
  cancel: { from: ["queued", "held"] as const satisfies readonly TLetterStatus[], verb: "Cancel", noun: "queued or held" },
} as const;

export type TBulkAction = keyof typeof BULK_ACTIONS;
