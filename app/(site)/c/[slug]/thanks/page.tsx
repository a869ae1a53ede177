import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { ThanksLetters } from "@/components/letter/thanks-letters";
import { FocusOnArrival } from "@/components/site/focus-on-arrival";
import { LetterTally } from "@/components/site/letter-tally";
import { ShareLinks } from "@/components/site/share-links";
import { getActionStatus, type TActionStatus } from "@/lib/actions/get-action-status";
import { getCampaign } from "@/lib/campaigns/get-campaign";
import { tallyLetters } from "@/lib/campaigns/letter-counts";
import { db } from "@/lib/db/client";
import { publicUrl } from "@/lib/env";
import { isLanguage } from "@/lib/i18n/languages";
import { pick } from "@/lib/i18n/localize";
import { CATALOGS } from "@/lib/i18n/messages";
import { getLanguage, getTranslator } from "@/lib/i18n/server";
import { countryName } from "@/lib/schemas/countries";
import { inCampaignOrder, recipientLabel } from "@/lib/campaigns/recipients";
import { withDatabase } from "@/lib/http/with-database";

export const dynamic = "force-dynamic";
type TProps = { params: Promise<{ slug: string }>; searchParams: Promise<{ action?: string; lang?: string }> };

/** Which result this page is: it names the step the supporter is at, for each way of sending. */
type TOutcome = "checkEmail" | "mailto" | "post" | "thanks";

function outcomeOf(action: TActionStatus | undefined): TOutcome {
  if (!action) return "thanks";
  const waiting = (channel: string) => action.letters.some((l) => l.channel === channel && l.status === "awaiting-confirmation");
  if (waiting("email")) return "checkEmail";
  // Confirmed letters by email are on their way: thanks, whatever is left to print (the page lists it below).
  if (action.letters.some((l) => l.channel === "email")) return "thanks";
  if (waiting("mailto")) return "mailto";
  if (waiting("post")) return "post";
  return "thanks";
}

async function metadataOf({ params, searchParams }: TProps): Promise<Metadata> {
  const [{ slug }, { action: actionId }] = await Promise.all([params, searchParams]);
  const action = actionId ? await getActionStatus(await db(), actionId) : undefined;
  const t = getTranslator(await getLanguage());
  const key = { checkEmail: "journey.checkEmailTitle", mailto: "journey.mailtoTitle", post: "journey.postTitle", thanks: "thanks.title" } as const;
  return {
    title: t(key[outcomeOf(action?.campaignSlug === slug ? action : undefined)]),
    // The address holds the action's id, the key to its letters: never indexed.
    robots: { index: false, follow: false },
  };
}

/**
 * Where every way of sending ends: "check your email" (by email, until confirmed), the letters with their mailto
 * links (the supporter's own mail app), the PDFs and checklist (print and post), then thanks. It speaks the
 * language of the page the letters were written on, whatever the browser opening it prefers; the language switch
 * still changes it.
 */
async function ThanksPage({ params, searchParams }: TProps) {
  const [{ slug }, { action: actionId, lang }] = await Promise.all([params, searchParams]);
  const database = await db();
  const campaign = await getCampaign(database, slug);
  if (!campaign) notFound();
  const found = actionId ? await getActionStatus(database, actionId) : undefined;
  const action = found && found.campaignSlug === slug ? found : undefined;
  // ?lang= makes the whole page (the header and the switch too) speak the action's language.
  if (action && !isLanguage(lang) && isLanguage(action.pageLanguage)) {
    redirect(`/c/${encodeURIComponent(slug)}/thanks?action=${action.id}&lang=${action.pageLanguage}`);
  }
  const language = await getLanguage();
  const t = getTranslator(language);
  const content = pick(campaign.content, language).value;
  const caseUrl = `${publicUrl()}/c/${slug}`;
  const channels = new Set(action?.letters.map((l) => l.channel));
  // Letters in the order the campaign lists the officials, as the form showed them.
  const ordered = inCampaignOrder(campaign, action?.letters ?? [], (l) => l.recipientId);
  const pending = action?.status === "awaiting-confirmation";
  const outcome = outcomeOf(action);
  const tally = await tallyLetters(database, slug);
  const title = {
    checkEmail: t("journey.checkEmailTitle"),
    mailto: t("journey.mailtoTitle"),
    post: t("journey.postTitle"),
    thanks: t("thanks.title"),
  }[outcome];
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
          <a href={`/c/${slug}`}>{t("thanks.backToCase")}</a>
        </p>
      </section>
    </article>
  );
}

// A database gone away while it renders: a 503 page, not a 500 (lib/http/with-database.ts).
export default withDatabase(ThanksPage);
export const generateMetadata = withDatabase(metadataOf);
