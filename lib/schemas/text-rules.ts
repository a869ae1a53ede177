/**
 * The one rule for text a person sends us, used by every schema, by the letters and by the mail headers, so that a
 * text the preview accepts is also one the database, the PDF and the mail server accept.
 *
 * Refused: text that is not well-formed Unicode (a lone surrogate: Postgres cannot store it), control characters
 * (NUL included) other than tab and line breaks, the bidi overrides and isolates used to disguise text, and
 * private-use characters (invisible in most fonts, and the letter renderer uses some as markers).
 */
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069\uE000-\uF8FF]|[\u{F0000}-\u{10FFFF}]/u;
/** A high surrogate not followed by a low one, or a low one not preceded by a high one (no `u` flag on purpose). */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/** Any line break: a one-line value may end up in a mail header. */
const LINE_BREAK = /[\r\n\u2028\u2029\u0085]/;
/** In a display name, what could make it pass for an address or an RFC 2047 encoded word. */
const ADDRESS_LIKE = /[<>]|=\?/;

/** True when the text is safe to store, print and mail (see above); line breaks allowed. */
export function isSafeText(value: string): boolean {
  // String.prototype.isWellFormed would do, but this schema also runs in older browsers.
  return !LONE_SURROGATE.test(value) && !UNSAFE.test(value);
}

/** True when the text is safe and on one line. */
export function isSafeLine(value: string): boolean {
  return isSafeText(value) && !LINE_BREAK.test(value);
}

/** True when a person's name can go in a From or Reply-To display name without imitating an address. */
export function isSafeDisplayName(value: string): boolean {
  return isSafeLine(value) && !ADDRESS_LIKE.test(value);
}
