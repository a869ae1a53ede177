/**
 * The longest mailto: link handed to a mail app, in characters of the encoded URL. Browsers take far longer
 * addresses (Chromium and Firefox hand links of tens of thousands of characters to the registered mail app), but on
 * Windows the link reaches the mail app through the shell, and Outlook (classic) is known to cut what it receives at
 * about 2,000 characters, silently losing the end of the letter (the figure is the commonly reported one, not
 * measured here: this machine has no Outlook, Thunderbird or Firefox). So: up to 2,000 characters the letter goes in
 * the link; longer, the link carries the address and subject only and the supporter pastes the body (thank-you page).
 */
export const MAILTO_MAX = 2000;

/** A mailto: link to `to` with the subject, and the body when the whole link stays within MAILTO_MAX. */
export function mailtoLink(to: string, subject: string, body: string): { href: string; withBody: boolean } {
  // RFC 6068: the address part keeps its @; spaces are %20 (never +), line breaks %0D%0A.
  const base = `mailto:${encodeURIComponent(to).replace(/%40/g, "@")}?subject=${encodeURIComponent(subject)}`;
  const withBody = `${base}&body=${encodeURIComponent(body.replace(/\r?\n/g, "\r\n"))}`;
  return withBody.length <= MAILTO_MAX ? { href: withBody, withBody: true } : { href: base, withBody: false };
}
