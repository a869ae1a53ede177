/**
 * The longest mailto: link handed to a mail app, in characters of the encoded URL. Up to this length the letter goes
 * in the link; longer, the link carries the address and subject only and the supporter pastes the body (thank-you
 * page). The lowest limit found, measured here or published, is Windows': this stays under it.
 *
 * Measured here (`npm run bench:mailto`, bench/mailto-limits.ts, on Debian 12; links of Cyrillic and Latin letter
 * text encoded as below):
 * - Firefox ESR 153.8 hands the whole link to the mail app up to 131,000 characters; at 132,000 the mail app is not
 *   started. That is Linux's limit on one argument of a program (131,072 bytes), not Firefox's.
 * - Thunderbird 153.8 ESR, opened with the link as a browser or the desktop opens it, puts the address, subject and
 *   whole body into its new message up to 131,000 characters; beyond, Linux refuses to start it (the same limit).
 * Not measured here (Windows only): Outlook. On Windows a browser hands the link to the mail app through the shell,
 * which takes URLs of fewer than 2,083 characters (Microsoft KB 208427; Electron's shell.openExternal fails past
 * 2,081 on Windows 10, electron/electron#9987); with Outlook, links of exactly 2,046 characters were measured as the
 * longest from Internet Explorer 9, Firefox and Chrome alike (superruub.wordpress.com, "Mailto protocol character
 * limit", 2013), and Chrome on Windows 10 hands at most 2,046 characters to a protocol's app (sdmtr/electromagnet#2).
 * Past that limit the mail app does not open at all (intermine/intermine#98, ucam-department-of-psychiatry/camcops
 * #180): 2,000 leaves a margin for figures published, not measured here.
 */
export const MAILTO_MAX = 2000;

/** A mailto: link to `to` with the subject, and the body when the whole link stays within `max` characters. */
export function mailtoLink(to: string, subject: string, body: string, max = MAILTO_MAX): { href: string; withBody: boolean } {
  // RFC 6068: the address part keeps its @; spaces are %20 (never +), line breaks %0D%0A.
  const base = `mailto:${encodeURIComponent(to).replace(/%40/g, "@")}?subject=${encodeURIComponent(subject)}`;
  const withBody = `${base}&body=${encodeURIComponent(body.replace(/\r?\n/g, "\r\n"))}`;
  return withBody.length <= max ? { href: withBody, withBody: true } : { href: base, withBody: false };
}
