/** What the outbox holds (lib/mail/outbox.ts). */
import type { TLanguage } from "@/lib/i18n/languages";

/** A message ready to send. */
export type TMailMessage = { from: { name: string; address: string }; to: { name: string; address: string }; subject: string; text: string; html: string };

/**
 * A supporter's confirmation email, composed when it is sent (lib/actions/confirmation-message.ts): the action it
 * confirms, the token of its link (nowhere else in clear), and the language of the page it was sent from.
 */
export type TConfirmationRequest = { actionId: string; token: string; language: TLanguage };

export type TOutboxMessage = TMailMessage | TConfirmationRequest;
