/**
 * The email that asks a supporter to confirm their letters (pure: html and text built together from the same
 * parts). Every value is escaped in the html.
 */
import "server-only";
import { createTranslator } from "use-intl/core";
import type { TLanguage } from "@/lib/i18n/languages";
import { CATALOGS } from "@/lib/i18n/messages";

export type TConfirmationEmail = {
  language: TLanguage;
  supporterName: string;
  campaignSubject: string;
  confirmUrl: string;
  /** The letters waiting for confirmation: "Anita Anand, Minister of Foreign Affairs". */
  emailLetters: string[];
  postLetterCount: number;
  alreadyWritten: string[];
  thanksUrl: string;
};

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Translators compile their messages on first use: keep one per language. */
const translators = new Map<TLanguage, ReturnType<typeof translatorFor>>();
const translatorFor = (language: TLanguage) => createTranslator({ locale: language, messages: CATALOGS[language], namespace: "email" });

export function buildConfirmationEmail(input: TConfirmationEmail): { subject: string; text: string; html: string } {
  let t = translators.get(input.language);
  if (!t) translators.set(input.language, (t = translatorFor(input.language)));
  const subject = t("confirmSubject", { subject: input.campaignSubject });
  const greeting = t("confirmGreeting", { name: input.supporterName });
  const intro = t("confirmIntro", { count: input.emailLetters.length, subject: input.campaignSubject });
  const already = input.alreadyWritten.length ? t("alreadyWritten", { names: input.alreadyWritten.join(", ") }) : undefined;
  const post = input.postLetterCount > 0 ? `${t("postLetters")} ${input.thanksUrl}` : undefined;

  const text = [
    greeting,
    "",
    intro,
    ...input.emailLetters.map((l) => `- ${l}`),
    "",
    t("confirmLink"),
    input.confirmUrl,
    "",
    ...(already ? [already, ""] : []),
    ...(post ? [post, ""] : []),
    t("confirmIgnore"),
    "",
    t("signoff"),
  ].join("\n");

  const p = (s: string) => `<p style="margin:0 0 12px">${escapeHtml(s)}</p>`;
  const html = [
    `<!doctype html><html lang="${input.language}"><body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1d2433;max-width:560px">`,
    p(greeting),
    p(intro),
    `<ul>${input.emailLetters.map((l) => `<li>${escapeHtml(l)}</li>`).join("")}</ul>`,
    `<p style="margin:20px 0"><a href="${escapeHtml(input.confirmUrl)}" style="background:#9b1c31;color:#fff;padding:12px 20px;border-radius:999px;text-decoration:none;font-weight:bold">${escapeHtml(t("confirmButton"))}</a></p>`,
    p(t("confirmLink")),
    `<p style="margin:0 0 12px;word-break:break-all"><a href="${escapeHtml(input.confirmUrl)}">${escapeHtml(input.confirmUrl)}</a></p>`,
    already ? p(already) : "",
    post ? `<p style="margin:0 0 12px">${escapeHtml(t("postLetters"))} <a href="${escapeHtml(input.thanksUrl)}">${escapeHtml(input.thanksUrl)}</a></p>` : "",
    `<p style="margin:0 0 12px;color:#5a6477">${escapeHtml(t("confirmIgnore"))}</p>`,
    p(t("signoff")),
    "</body></html>",
  ].join("");
  return { subject, text, html };
}
