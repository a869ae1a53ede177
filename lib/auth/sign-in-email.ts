/** The sign-in email (pure: html and text from the same parts, every value escaped in the html). Admin mail is English. */
import "server-only";

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function buildSignInEmail(input: { organisation: string; url: string; minutes: number; invited?: boolean }) {
  const subject = input.invited ? `You are invited to the ${input.organisation} campaign admin` : `Your sign-in link for ${input.organisation}`;
  const intro = input.invited
    ? `You have been invited to work on ${input.organisation}'s letter campaigns. Open this link to sign in:`
    : `Open this link to sign in to ${input.organisation}'s campaign admin:`;
  const expiry = `The link works once, for ${input.minutes} minutes. If you did not ask for it, ignore this email: nothing happens.`;
  const text = [intro, "", input.url, "", expiry].join("\n");
  const html =
    `<!doctype html><html lang="en"><body style="font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1d2433;max-width:560px">` +
    `<p>${escapeHtml(intro)}</p>` +
    `<p style="margin:20px 0"><a href="${escapeHtml(input.url)}" style="background:#9b1c31;color:#fff;padding:12px 20px;border-radius:999px;text-decoration:none;font-weight:bold">Sign in</a></p>` +
    `<p style="word-break:break-all"><a href="${escapeHtml(input.url)}">${escapeHtml(input.url)}</a></p>` +
    `<p style="color:#5a6477">${escapeHtml(expiry)}</p></body></html>`;
  return { subject, text, html };
}
