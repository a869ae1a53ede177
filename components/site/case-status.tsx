import type { TCaseStatus, TCaseUpdate } from "@/lib/db/schema";
import type { TLanguage } from "@/lib/i18n/languages";
import { formatPartialDate, pick } from "@/lib/i18n/localize";
import { getTranslator } from "@/lib/i18n/server";
import { isStatusStale, newestFirst } from "@/lib/campaigns/case-status";
import { StaticBlock } from "@/components/ui/static-block";
import { InlineMarkdown } from "./inline-markdown";
import { SourceList } from "./source-list";

/**
 * Where the case stands, at the top of its page: the status in a sentence or two, when that was last checked (with a
 * visible warning once it is old), and the dated updates since the appeal, newest first, each with its source.
 */
export function CaseStatus({
  status,
  updates,
  closed,
  language,
  now,
}: {
  status: TCaseStatus | null;
  updates: TCaseUpdate[];
  closed: boolean;
  language: TLanguage;
  now: Date;
}) {
  const t = getTranslator(language);
  const text = status ? pick(status.text, language) : undefined;
  const asOf = status ? formatPartialDate(status.asOf, language) : "";
  return (
    // Static: kept as the server's HTML in the browser (StaticBlock).
    <StaticBlock as="section" id="case-status" aria-labelledby="case-status-heading" className={`case-status${closed ? " case-status--closed" : ""}`}>
      <h2 id="case-status-heading">{t("campaign.statusHeading")}</h2>
      {closed ? <p className="case-status__closed">{t("campaign.status_closed")}</p> : null}
      {status && text ? (
        <>
          <div className="case-status__text" lang={text.fallback ? "en" : language}>
            <InlineMarkdown>{text.value}</InlineMarkdown>
          </div>
          {isStatusStale(status, now) ? (
            <p className="note case-status__stale" role="note" data-testid="status-stale">
              {t("campaign.statusStale", { date: asOf })}
            </p>
          ) : (
            <p className="muted case-status__as-of" data-testid="status-as-of">
              <time dateTime={status.asOf}>{t("campaign.statusAsOf", { date: asOf })}</time>
            </p>
          )}
        </>
      ) : (
        <p className="muted">{t("campaign.statusMissing")}</p>
      )}
      {updates.length > 0 ? (
        <>
          <h3>{t("campaign.updatesHeading")}</h3>
          <ol className="updates">
            {newestFirst(updates).map((update, i) => {
              const body = pick(update.text, language);
              return (
                <li key={`${update.date}-${i}`} className="update">
                  <time dateTime={update.date.split("/")[0]}>{formatPartialDate(update.date, language)}</time>
                  <div lang={body.fallback ? "en" : language}>
                    <InlineMarkdown>{body.value}</InlineMarkdown>
                  </div>
                  <SourceList source={update.source} label={(count) => t("campaign.sourcesLabel", { count })} />
                </li>
              );
            })}
          </ol>
        </>
      ) : null}
    </StaticBlock>
  );
}
