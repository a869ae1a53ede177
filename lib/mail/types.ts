/** What the outbox holds (lib/mail/outbox.ts). */
import type { TLanguage } from "@/lib/i18n/languages";

/** A message ready to send (`headers`: extra ones, such as List-Unsubscribe on news). */
export type TMailMessage = {
  from: { name: string; address: string };
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  headers?: Record<string, string>;
};

/**
 * A supporter's confirmation email, composed when it is sent (lib/actions/confirmation-message.ts): the action it
 * confirms and the language of the page it was sent from. The link's token is made then; none is stored here.
 * (`token` is only in requests queued before that change, and is used as it is.)
 */
export type TConfirmationRequest = { actionId: string; language: TLanguage; token?: string };

/**
 * The email with a supporter's data link (/privacy/my-data), composed when it is sent (lib/privacy/my-data-message.ts):
 * the request it answers and the link's token (stored elsewhere only as a hash).
 */
/** A supporter's data link, composed when it is sent (lib/privacy/my-data-message.ts), its token made then. */
export type TMyDataLinkRequest = { privacyRequestId: string; language: TLanguage; token?: string };

/**
 * A campaign's news to one supporter who asked for it (issue 11), composed when it is sent (lib/news/news-message.ts):
 * the action that gave the consent and the update, in all its languages. No address and no token here.
 */
export type TNewsRequest = {
  actionId: string;
  news: { slug: string; update: { date: string; text: Partial<Record<TLanguage, string>> & { en: string }; source: string }; closing: boolean };
};

export type TOutboxMessage = TMailMessage | TConfirmationRequest | TMyDataLinkRequest | TNewsRequest;
