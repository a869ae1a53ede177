"use client";
import { useEffect, useState } from "react";
import { IntlProvider, useTranslations } from "use-intl";
import type { TLanguage } from "@/lib/i18n/languages";
import type { TMessages } from "@/lib/i18n/messages";

export type TThanksLetter = {
  id: string;
  recipientLabel: string;
  channel: "email" | "mailto" | "post";
  status: string;
  subject: string;
  body: string;
  email: string | null;
  paper: "A4" | "LETTER";
  /** The recipient is reached at the House of Commons, where mail is postage-free from within Canada. */
  postageFree: boolean;
  countryName: string;
};

/** Longer mailto: links are cut off by some mail apps and browsers; past this, the letter is copied instead. */
const MAILTO_MAX = 1800;

export function ThanksLetters(props: { actionId: string; letters: TThanksLetter[]; language: TLanguage; messages: Pick<TMessages, "thanks"> }) {
  return (
    <IntlProvider locale={props.language} messages={props.messages as TMessages} timeZone="UTC">
      <LetterList actionId={props.actionId} initial={props.letters} />
    </IntlProvider>
  );
}

function LetterList({ actionId, initial }: { actionId: string; initial: TThanksLetter[] }) {
  const t = useTranslations("thanks");
  const [letters, setLetters] = useState(initial);
  const waiting = letters.some((l) => l.channel === "email" && ["awaiting-confirmation", "queued", "sending"].includes(l.status));

  // Email letters change status as the sender works through the queue: follow them while any is on its way.
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(async () => {
      try {
        const response = await fetch(`/api/v1/actions/${actionId}`, { cache: "no-store" });
        if (!response.ok) return;
        const data = (await response.json()) as { letters: { id: string; status: string; reason?: string }[] };
        const shown = (d: { status: string; reason?: string }) => (d.reason === "already-written" ? "alreadyWritten" : d.status);
        setLetters((current) =>
          current.map((l) => {
            const update = data.letters.find((d) => d.id === l.id);
            return update ? { ...l, status: shown(update) } : l;
          }),
        );
      } catch {
        // Try again at the next tick.
      }
    }, 2000);
    return () => clearInterval(timer);
  }, [actionId, waiting]);

  async function markDone(letterId: string) {
    const response = await fetch(`/api/v1/actions/${actionId}/letters/${letterId}/done`, { method: "POST" });
    if (response.ok) {
      setLetters((current) => current.map((l) => (l.id === letterId ? { ...l, status: l.channel === "post" ? "posted" : "sent" } : l)));
    }
  }

  return (
    <ul className="thanks-letters">
      {letters.map((letter) => (
        <li key={letter.id} className="thanks-letter" data-letter={letter.id} data-channel={letter.channel}>
          <p className="thanks-letter__to">
            {t("to", { recipient: letter.recipientLabel })}{" "}
            <span className={`status status--${letter.status}`} data-testid="letter-status">
              {t(`status_${letter.status}` as "status_sent")}
            </span>
          </p>
          {letter.channel === "post" ? <PostLetter actionId={actionId} letter={letter} onDone={() => markDone(letter.id)} /> : null}
          {letter.channel === "mailto" ? <MailtoLetter letter={letter} onDone={() => markDone(letter.id)} /> : null}
        </li>
      ))}
    </ul>
  );
}

function PostLetter({ actionId, letter, onDone }: { actionId: string; letter: TThanksLetter; onDone: () => void }) {
  const t = useTranslations("thanks");
  return (
    <div className="post-letter">
      <p className="actions">
        <a className="button button--secondary" href={`/api/v1/actions/${actionId}/letters/${letter.id}/pdf`} download>
          {t("downloadPdf")}
        </a>
        {letter.status === "awaiting-confirmation" ? (
          <button type="button" className="button" onClick={onDone}>
            {t("markPosted")}
          </button>
        ) : null}
      </p>
      <details>
        <summary>{t("postChecklist")}</summary>
        <ul className="checklist">
          <li>{t("checkPrint", { paper: letter.paper === "LETTER" ? "Letter" : "A4" })}</li>
          <li>{t("checkEnvelope")}</li>
          <li>{letter.postageFree ? t("checkFreeMp") : t("checkStamp", { country: letter.countryName })}</li>
        </ul>
      </details>
    </div>
  );
}

function MailtoLetter({ letter, onDone }: { letter: TThanksLetter; onDone: () => void }) {
  const t = useTranslations("thanks");
  const [copied, setCopied] = useState(false);
  const href = `mailto:${encodeURIComponent(letter.email ?? "")}?subject=${encodeURIComponent(letter.subject)}&body=${encodeURIComponent(letter.body)}`;
  const tooLong = href.length > MAILTO_MAX;
  const [copyFailed, setCopyFailed] = useState(false);
  async function copy() {
    try {
      await navigator.clipboard.writeText(`${letter.subject}\n\n${letter.body}`);
      setCopied(true);
    } catch {
      // No clipboard (an insecure page, a refused permission): the text below can be selected by hand.
      setCopyFailed(true);
    }
  }
  return (
    <div className="mailto-letter">
      {tooLong ? <p>{t("tooLongForMailto", { email: letter.email ?? "" })}</p> : null}
      <p className="actions">
        {tooLong ? null : (
          <a className="button button--secondary" href={href}>
            {t("openMailto")}
          </a>
        )}
        <button type="button" className="button button--secondary" onClick={copy}>
          {t("copyLetter")}
        </button>
        {letter.status === "awaiting-confirmation" ? (
          <button type="button" className="button" onClick={onDone}>
            {t("markSent")}
          </button>
        ) : null}
      </p>
      {copied ? (
        <p role="status">{t("copied", { email: letter.email ?? "" })}</p>
      ) : null}
      <details open={copyFailed}>
        <summary>{letter.subject}</summary>
        <p>{letter.email}</p>
        <textarea className="letter-text" readOnly rows={12} value={`${letter.subject}\n\n${letter.body}`} aria-label={t("copyLetter")} />
      </details>
    </div>
  );
}
