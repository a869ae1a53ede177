/**
 * The email of a campaign's news to a supporter who asked for it (pure: html and text built together from the same
 * parts, every value escaped in the html). In the supporter's language; an update with no text in it is given in
 * English, and the email says so in the supporter's language.
 */
import "server-only";
import { createTranslator } from "use-intl/core";
import type { TLanguage } from "@/lib/i18n/languages";
import { formatPartialDate, pick } from "@/lib/i18n/localize";
import { CATALOGS } from "@/lib/i18n/messages";

export type TNewsEmail = {
  language: TLanguage;
  supporterName: string;
  campaignTitle: string;
  update: { date: string; text: { en: string } & Partial<Record<TLanguage, string>>; source: string };
  closing: boolean;
  caseUrl: string;
  unsubscribeUrl: string;
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Inline Markdown as plain text: `[words](url)` becomes `words (url)`, emphasis marks go. */
export function markdownAsText(markdown: string): string {
  return markdown.replace(/\[([^\]]*)\]\(([^)\s]*)\)/g, "$1 ($2)").replace(/(\*\*|__|\*|_)(\S(?:.*?\S)?)\1/g, "$2");
}

/** Inline Markdown as HTML: links (https or the site's own paths, as the content schema allows) and emphasis. */
function markdownAsHtml(markdown: string, base: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const m of markdown.matchAll(/\[([^\]]*)\]\(([^)\s]*)\)/g)) {
    parts.push(escapeHtml(markdown.slice(last, m.index)));
    const href = m[2]!.startsWith("/") ? `${base}${m[2]}` : m[2]!;
    parts.push(/^https?:\/\//.test(href) ? `<a href="${escapeHtml(href)}">${escapeHtml(m[1]!)}</a>` : escapeHtml(m[1]!));
    last = m.index + m[0].length;
  }
  parts.push(escapeHtml(markdown.slice(last)));
  return parts.join("").replace(/\*\*(\S(?:.*?\S)?)\*\*/g, "<strong>$1</strong>").replace(/\*(\S(?:.*?\S)?)\*/g, "<em>$1</em>");
}

const translators = new Map<TLanguage, ReturnType<typeof translatorFor>>();
const translatorFor = (language: TLanguage) => createTranslator({ locale: language, messages: CATALOGS[language], namespace: "news" });

export function buildNewsEmail(input: TNewsEmail): { subject: string; text: string; html: string } {
  let t = translators.get(input.language);
  if (!t) translators.set(input.language, (t = translatorFor(input.language)));
  const body = pick(input.update.text, input.language);
  const bodyLanguage = body.fallback ? "en" : input.language;
  const subject = input.closing ? t("closingSubject", { title: input.campaignTitle }) : t("updateSubject", { title: input.campaignTitle });
  const greeting = t("greeting", { name: input.supporterName });
  const intro = input.closing ? t("closingIntro", { title: input.campaignTitle }) : t("updateIntro", { title: input.campaignTitle });
  const date = formatPartialDate(input.update.date, input.language);
  const fallback = body.fallback ? t("fallback") : undefined;
  const source = t("source", { source: input.update.source });
  const readMore = t("readCase");
  const why = t("why");
  const unsubscribe = t("unsubscribe");
  const base = new URL(input.caseUrl).origin;

  const text = [
    greeting,
    "",
    intro,
    "",
    ...(fallback ? [fallback, ""] : []),
    date,
    markdownAsText(body.value),
    source,
    "",
    `${readMore} ${input.caseUrl}`,
    "",
    "--",
    why,
    `${unsubscribe} ${input.unsubscribeUrl}`,
  ].join("\n");

  const p = (s: string, style = "margin:0 0 12px") => `<p style="${style}">${s}</p>`;
  const html = [
    `<!doctype html><html lang="${input.language}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1d2433;max-width:560px">`,
    p(escapeHtml(greeting)),
    p(escapeHtml(intro)),
    fallback ? p(escapeHtml(fallback), "margin:0 0 12px;color:#5a6477;font-style:italic") : "",
    `<div style="border-left:4px solid #9b1c31;padding:4px 0 4px 14px;margin:0 0 16px">`,
    p(`<strong>${escapeHtml(date)}</strong>`, "margin:0 0 6px"),
    `<p style="margin:0 0 6px" lang="${bodyLanguage}">${markdownAsHtml(body.value, base)}</p>`,
    p(escapeHtml(source), "margin:0;color:#5a6477;font-size:14px"),
    `</div>`,
    // The text version puts the address after the colon; here the words are the link.
    p(`<a href="${escapeHtml(input.caseUrl)}" style="color:#9b1c31">${escapeHtml(readMore.replace(/\s*:\s*$/, ""))}</a>`),
    `<hr style="border:0;border-top:1px solid #d5d9e0;margin:24px 0 12px">`,
    p(escapeHtml(why), "margin:0 0 8px;color:#5a6477;font-size:14px"),
    p(`<a href="${escapeHtml(input.unsubscribeUrl)}" style="color:#5a6477">${escapeHtml(unsubscribe.replace(/\s*:\s*$/, ""))}</a>`, "margin:0;font-size:14px"),
    "</body></html>",
  ].join("");
  return { subject, text, html };
}
