/**
 * A campaign's news email to one supporter, composed by the worker when it sends it from the outbox (the mailing
 * queued its makings: lib/news/queue-news.ts). Not sent when the supporter has withdrawn the consent, unsubscribed or
 * been anonymised meanwhile. The one-click unsubscribe token is made now and only its hash stored (news_tokens);
 * the email carries List-Unsubscribe (the https link, which takes a POST, and a mailto) and List-Unsubscribe-Post
 * (RFC 8058), so mail apps can offer their own unsubscribe button.
 */
import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { hashToken, newToken } from "@/lib/actions/tokens";
import type { TDb } from "@/lib/db/open";
import { actions, campaigns, newsTokens } from "@/lib/db/schema";
import { env, operator, publicUrl } from "@/lib/env";
import { isLanguage } from "@/lib/i18n/languages";
import { pick } from "@/lib/i18n/localize";
import { buildNewsEmail } from "@/lib/mail/news-email";
import type { TMailMessage, TNewsRequest } from "@/lib/mail/types";

export async function composeNews(db: TDb, request: TNewsRequest, now: Date): Promise<TMailMessage | undefined> {
  const [action] = await db
    .select({ name: actions.supporterName, email: actions.supporterEmail, mailbox: actions.supporterMailbox, pageLanguage: actions.pageLanguage, language: actions.language })
    .from(actions)
    .where(and(eq(actions.id, request.actionId), isNull(actions.anonymisedAt), sql`(${actions.consent} ->> 'updates') = 'true'`));
  if (!action?.email || !action.mailbox) return undefined;
  const [campaign] = await db.select({ content: campaigns.content }).from(campaigns).where(eq(campaigns.slug, request.news.slug));
  if (!campaign) return undefined;
  const language = isLanguage(action.pageLanguage) ? action.pageLanguage : isLanguage(action.language) ? action.language : "en";

  const token = newToken();
  await db.insert(newsTokens).values({ tokenHash: hashToken(token), campaignSlug: request.news.slug, mailbox: action.mailbox, createdAt: now });
  const base = publicUrl();
  const unsubscribeUrl = `${base}/u/${token}?lang=${language}`;
  const settings = env();
  const email = buildNewsEmail({
    language,
    supporterName: action.name,
    campaignTitle: pick(campaign.content, language).value.title,
    update: request.news.update,
    closing: request.news.closing,
    caseUrl: `${base}/c/${request.news.slug}?lang=${language}`,
    unsubscribeUrl,
  });
  const contact = operator().contact;
  const mailto = /^[^\s@<>]+@[^\s@<>]+$/.test(contact) ? contact : settings.MAIL_FROM;
  return {
    from: { name: settings.ORGANISATION_NAME, address: settings.MAIL_FROM },
    to: { name: action.name, address: action.email },
    subject: email.subject,
    text: email.text,
    html: email.html,
    headers: {
      "List-Unsubscribe": `<${unsubscribeUrl}>, <mailto:${mailto}?subject=${encodeURIComponent(`unsubscribe ${request.news.slug}`)}>`,
      "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    },
  };
}
