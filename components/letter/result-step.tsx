import { ThanksLetters } from "@/components/letter/thanks-letters";
import { FocusOnArrival } from "@/components/site/focus-on-arrival";
import { LetterTally } from "@/components/site/letter-tally";
import { ShareLinks } from "@/components/site/share-links";
import type { TActionStatus } from "@/lib/actions/get-action-status";
import type { TCampaignView } from "@/lib/campaigns/get-campaign";
import type { TLetterTally } from "@/lib/campaigns/letter-counts";
import { inCampaignOrder, recipientLabel } from "@/lib/campaigns/recipients";
import type { TLanguage } from "@/lib/i18n/languages";
import { pick } from "@/lib/i18n/localize";
import { CATALOGS } from "@/lib/i18n/messages";
import { getTranslator } from "@/lib/i18n/server";
import { countryName } from "@/lib/schemas/countries";

/** Which result this is: it names the step the supporter is at, for each way of sending. */
export type TOutcome = "checkEmail" | "mailto" | "post" | "thanks";

export function outcomeOf(action: TActionStatus | undefined): TOutcome {
  if (!action) return "thanks";
  const waiting = (channel: string) => action.letters.some((l) => l.channel === channel && l.status === "awaiting-confirmation");
  if (waiting("email")) return "checkEmail";
  // Confirmed letters by email are on their way: thanks, whatever is left to print (the page lists it below).
  if (action.letters.some((l) => l.channel === "email")) return "thanks";
  if (waiting("mailto")) return "mailto";
  if (waiting("post")) return "post";
  return "thanks";
}

export const OUTCOME_TITLES = { checkEmail: "journey.checkEmailTitle", mailto: "journey.mailtoTitle", post: "journey.postTitle", thanks: "thanks.title" } as const;

/**
 * The result of sending, wherever the form was (the case page's thank-you page, and the partner embed's, inside
 * its frame): "check your email", the letters with their mailto links, the PDFs and checklist, then thanks; the
 * campaign's counter and share links. `caseHref` is where "back to the case" goes; `caseUrl` is what is shared.
 */
export function ResultStep({
  campaign,
  action,
  actionId,
  language,
  tally,
  caseHref,
  caseUrl,
  caseLinkTarget,
}: {
  campaign: TCampaignView;
  action: TActionStatus | undefined;
  actionId: string | undefined;
  language: TLanguage;
  tally: TLetterTally;
  caseHref: string;
  caseUrl: string;
  /** `_blank` in the embed: the case page cannot open inside a partner's frame. */
  caseLinkTarget?: "_blank";
}) {
  const t = getTranslator(language);
  const content = pick(campaign.content, language).value;
  const channels = new Set(action?.letters.map((l) => l.channel));
  // Letters in the order the campaign lists the officials, as the form showed them.
  const ordered = inCampaignOrder(campaign, action?.letters ?? [], (l) => l.recipientId);
  const pending = action?.status === "awaiting-confirmation";
  const outcome = outcomeOf(action);
  const title = t(OUTCOME_TITLES[outcome]);
  const intro = {
    checkEmail: action?.confirmationEmail ? t("journey.checkEmail", { email: action.confirmationEmail }) : t("thanks.nextPending"),
    mailto: t("journey.mailtoIntro"),
    post: t("journey.postIntro"),
    thanks: t("thanks.intro", { subject: campaign.subject }),
  }[outcome];

  return (
    <article className="thanks" data-outcome={outcome}>
      <FocusOnArrival id="result-title" />
      <header className="section">
        <h1 id="result-title" tabIndex={-1}>
          {title}
        </h1>
        <p className="lead">{intro}</p>
        {/* Under "thank you", never "no letters yet": the figures appear once there are some. */}
        {tally.sent + tally.queued + tally.posted > 0 ? <LetterTally tally={tally} t={t} testId="campaign-counter" /> : null}
      </header>
      {action ? (
        <section className="section" aria-labelledby="next">
          <h2 id="next">{t("thanks.next")}</h2>
          <ul>
            {channels.has("email") ? <li>{pending ? t("thanks.nextPending") : t("thanks.nextEmail")}</li> : null}
            {channels.has("mailto") ? <li>{t("thanks.nextMailto")}</li> : null}
            {channels.has("post") ? <li>{t("thanks.nextPost")}</li> : null}
          </ul>
          <h3>{t("thanks.letters")}</h3>
          <ThanksLetters
            actionId={action.id}
            language={language}
            messages={{ thanks: CATALOGS[language].thanks, mailto: CATALOGS[language].mailto }}
            letters={ordered.map((l) => ({
              id: l.id,
              recipientLabel: recipientLabel(l, language),
              channel: l.channel,
              status: l.reason === "already-written" ? "alreadyWritten" : l.status,
              subject: l.subject,
              body: l.body,
              email: l.email,
              paper: l.paper,
              postageFree: l.country === "CA" && action.country === "CA",
              countryName: countryName(l.country, language),
            }))}
          />
        </section>
      ) : actionId ? (
        <p className="note">{t("thanks.notFound")}</p>
      ) : null}
      <section className="section" aria-labelledby="share">
        <h2 id="share">{t("thanks.share")}</h2>
        <ShareLinks url={caseUrl} title={content.title} labels={CATALOGS[language].share} />
        <p>
          <a href={caseHref} target={caseLinkTarget} rel={caseLinkTarget ? "noopener" : undefined}>
            {t("thanks.backToCase")}
          </a>
        </p>
      </section>
    </article>
  );
}
