/**
 * The email with a supporter's data link (pure: html and text built together from the same parts; every value is
 * escaped in the html). It says what the link does and that nothing changes if it is ignored.
 */
import "server-only";
import { createTranslator } from "use-intl/core";
import type { TLanguage } from "@/lib/i18n/languages";
import { CATALOGS } from "@/lib/i18n/messages";

export type TMyDataEmail = { language: TLanguage; organisation: string; linkUrl: string };

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function buildMyDataEmail(input: TMyDataEmail): { subject: string; text: string; html: string } {
  const t = createTranslator({ locale: input.language, messages: CATALOGS[input.language], namespace: "myData.email" });
  const subject = t("subject", { organisation: input.organisation });
  const parts = { intro: t("intro", { organisation: input.organisation }), link: t("link"), ignore: t("ignore"), signoff: t("signoff") };
  const text = [t("greeting"), "", parts.intro, "", parts.link, input.linkUrl, "", parts.ignore, "", parts.signoff].join("\n");
  const p = (s: string) => `<p style="margin:0 0 12px">${escapeHtml(s)}</p>`;
  const html = [
    `<!doctype html><html lang="${input.language}"><body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1d2433;max-width:560px">`,
    p(t("greeting")),
    p(parts.intro),
    `<p style="margin:20px 0"><a href="${escapeHtml(input.linkUrl)}" style="background:#9b1c31;color:#fff;padding:12px 20px;border-radius:999px;text-decoration:none;font-weight:bold">${escapeHtml(t("button"))}</a></p>`,
    p(parts.link),
    `<p style="margin:0 0 12px;word-break:break-all"><a href="${escapeHtml(input.linkUrl)}">${escapeHtml(input.linkUrl)}</a></p>`,
    `<p style="margin:0 0 12px;color:#5a6477">${escapeHtml(parts.ignore)}</p>`,
    p(parts.signoff),
    "</body></html>",
  ].join("");
  return { subject, text, html };
}
