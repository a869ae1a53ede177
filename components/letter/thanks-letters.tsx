"use client";
import { useEffect, useState } from "react";
import { IntlProvider, useTranslations } from "use-intl";
import type { TLanguage } from "@/lib/i18n/languages";
import type { TMessages } from "@/lib/i18n/messages";
import { mailtoLink } from "@/lib/letters/mailto-link";

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

export function ThanksLetters(props: { actionId: string; letters: TThanksLetter[]; language: TLanguage; messages: Pick<TMessages, "thanks" | "mailto"> }) {
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
        <li key={letter.id} id={`letter-${letter.id}`} className="thanks-letter" data-letter={letter.id} data-channel={letter.channel}>
          <p className="thanks-letter__to">
            {t("to", { recipient: letter.recipientLabel })}{" "}
            <span className={`status status--${letter.status}`} data-testid="letter-status">
              {t(`status_${letter.status}` as "status_sent")}
            </span>
          </p>
          {letter.channel === "post" ? <PostLetter actionId={actionId} letter={letter} onDone={() => markDone(letter.id)} /> : null}
          {letter.channel === "mailto" ? <MailtoLetter actionId={actionId} letter={letter} onDone={() => markDone(letter.id)} /> : null}
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
      </p>
      {letter.status === "awaiting-confirmation" ? (
        <DoneButton actionId={actionId} letterId={letter.id} label={t("markPosted")} onDone={onDone} />
      ) : null}
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

/**
 * "I have posted it" / "I have sent it": a form POST, so it works without JavaScript too (the answer brings the
 * supporter back to this page); with JavaScript the page updates in place.
 */
function DoneButton({ actionId, letterId, label, onDone }: { actionId: string; letterId: string; label: string; onDone: () => void }) {
  return (
    <form
      method="post"
      action={`/api/v1/actions/${actionId}/letters/${letterId}/done`}
      onSubmit={(event) => {
        event.preventDefault();
        onDone();
      }}
    >
      <button type="submit" className="button">
        {label}
      </button>
    </form>
  );
}

/**
 * A letter for the supporter's own mail app. The link always opens a new mail to the official with the subject;
 * the body goes in it only when the link stays short enough for every mail app (lib/letters/mailto-link.ts).
 * Otherwise one click copies the body (never the subject, which the link already fills in) to paste.
 */
function MailtoLetter({ actionId, letter, onDone }: { actionId: string; letter: TThanksLetter; onDone: () => void }) {
  const t = useTranslations("mailto");
  const tThanks = useTranslations("thanks");
  const [copied, setCopied] = useState<"yes" | "failed">();
  const { href, withBody } = mailtoLink(letter.email ?? "", letter.subject, letter.body);
  async function copy() {
    try {
      await navigator.clipboard.writeText(letter.body);
      setCopied("yes");
    } catch {
      // No clipboard (an insecure page, a refused permission): the text below can be selected by hand.
      setCopied("failed");
    }
  }
  return (
    <div className="mailto-letter">
      <p className="muted">{t("to", { email: letter.email ?? "" })}</p>
      {withBody ? (
        <p className="actions">
          <a className="button" href={href} data-testid="mailto-link">
            {t("open")}
          </a>
        </p>
      ) : (
        <ol className="mailto-steps">
          <li>
            <span>{t("stepCopy")}</span>{" "}
            <button type="button" className="button button--secondary" onClick={copy}>
              {t("copyBody")}
            </button>
          </li>
          <li>
            <span>{t("stepOpen")}</span>{" "}
            <a className="button" href={href} data-testid="mailto-link">
              {t("open")}
            </a>
          </li>
          <li>{t("stepPaste")}</li>
        </ol>
      )}
      <p role="status">{copied === "yes" ? t("copied") : copied === "failed" ? t("copyFailed") : null}</p>
      <details open={copied === "failed"}>
        <summary>{t("showText")}</summary>
        <p>
          {t("subjectLine")} {letter.subject}
        </p>
        <textarea className="letter-text" readOnly rows={12} value={letter.body} aria-label={t("bodyLabel")} data-testid="mailto-body" />
      </details>
      {letter.status === "awaiting-confirmation" ? (
        <DoneButton actionId={actionId} letterId={letter.id} label={tThanks("markSent")} onDone={onDone} />
      ) : null}
    </div>
  );
}
