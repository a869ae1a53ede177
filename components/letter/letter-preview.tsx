"use client";
import { useLocale, useTranslations } from "use-intl";
import { LANGUAGE_NAMES, type TLanguage } from "@/lib/i18n/languages";
import type { TComposeCampaign, TComposedLetter } from "@/lib/letters/compose-letters";
import type { TInline } from "@/lib/letters/types";
import { recipientLabel, recipientsById } from "@/lib/campaigns/recipients";

/** Each letter as the official will read it, rebuilt as the supporter types. */
export function LetterPreview({ campaign, letters }: { campaign: TComposeCampaign; letters: TComposedLetter[] }) {
  const t = useTranslations("letter");
  const tJourney = useTranslations("journey");
  const language = useLocale() as TLanguage;
  if (letters.length === 0) return <p className="muted">{t("previewEmpty")}</p>;
  const recipients = recipientsById(campaign);
  return (
    <ol className="letter-previews" data-testid="letter-previews">
      {letters.map((letter, index) => {
        const recipient = recipients.get(letter.recipientId)!;
        const who = recipientLabel(recipient, language);
        return (
          <li key={letter.recipientId} className="letter-preview" data-recipient={letter.recipientId} lang={letter.language}>
            <details open={index === 0}>
              <summary>
                <span className="letter-preview__meta" lang={language}>
                  {t("previewTo", { recipient: who })}
                  {" · "}
                  <span data-testid="letter-language">{tJourney("letterLanguage", { language: LANGUAGE_NAMES[letter.language] })}</span>
                </span>
                <span className="letter-preview__subject">
                  <span lang={language}>{t("previewSubject", { subject: "" })}</span>
                  {letter.subject}
                </span>
              </summary>
              <div className="letter-preview__body">
              {letter.blocks.map((block, i) => {
                if (block.type === "list") {
                  const items = block.items.map((item, j) => (
                    <li key={j}>
                      <Inlines inlines={item} />
                    </li>
                  ));
                  return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
                }
                if (block.type === "quote") {
                  return (
                    <blockquote key={i}>
                      <Inlines inlines={block.inlines} />
                    </blockquote>
                  );
                }
                return (
                  <p key={i}>
                    <Inlines inlines={block.inlines} />
                  </p>
                );
              })}
              </div>
            </details>
          </li>
        );
      })}
    </ol>
  );
}

/** Text runs as React text nodes: supporter text can never become markup. */
function Inlines({ inlines }: { inlines: TInline[] }) {
  return (
    <>
      {inlines.map((inline, i) => {
        const text = inline.text.split("\n").flatMap((line, j) => (j === 0 ? [line] : [<br key={`br-${j}`} />, line]));
        if (inline.bold && inline.italic) return <strong key={i}><em>{text}</em></strong>;
        if (inline.bold) return <strong key={i}>{text}</strong>;
        if (inline.italic) return <em key={i}>{text}</em>;
        return <span key={i}>{text}</span>;
      })}
    </>
  );
}
