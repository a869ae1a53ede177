import type { TLetterTally } from "@/lib/campaigns/letter-counts";
import type { getTranslator } from "@/lib/i18n/server";

/** A campaign's letters counted apart: sent, waiting to be sent, posted (only the kinds there are). */
export function LetterTally({ tally, t, testId }: { tally: TLetterTally; t: ReturnType<typeof getTranslator>; testId: string }) {
  const parts = [
    tally.sent > 0 ? t("tally.sent", { count: tally.sent }) : null,
    tally.queued > 0 ? t("tally.queued", { count: tally.queued }) : null,
    tally.posted > 0 ? t("tally.posted", { count: tally.posted }) : null,
  ].filter((p): p is string => p !== null);
  return (
    <p className="counter" data-testid={testId}>
      {parts.length ? parts.join(" · ") : t("tally.none")}
    </p>
  );
}
