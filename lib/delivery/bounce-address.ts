/**
 * VERP (variable envelope return path): every letter, and every digest, goes out with its own envelope sender,
 * `bounces+<id>@<domain>`, so a bounce that comes back names what it is about even when it quotes nothing of the
 * original. The bounce receiver (scripts/inbound.ts) accepts mail for these addresses only. Pure.
 */
import "server-only";
import { mailAddress, mailDomain, type TMessageSettings } from "./message-parts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** BOUNCE_ADDRESS, or bounces@<the MAIL_FROM domain>. */
export function bounceBase(settings: Pick<TMessageSettings, "mailFrom" | "bounceAddress">): { local: string; domain: string } {
  if (settings.bounceAddress) {
    const [local, domain] = mailAddress("BOUNCE_ADDRESS", settings.bounceAddress).split("@") as [string, string];
    return { local, domain };
  }
  return { local: "bounces", domain: mailDomain(settings.mailFrom) };
}

/** The return path of the letter or digest with this id (an id that is not one, a test letter's, gets the plain base). */
export function bounceAddressFor(id: string, settings: Pick<TMessageSettings, "mailFrom" | "bounceAddress">): string {
  const { local, domain } = bounceBase(settings);
  return UUID.test(id) ? `${local}+${id.toLowerCase()}@${domain}` : `${local}@${domain}`;
}

/** The letter or digest id a bounce address names, or undefined when it is not one of ours. */
export function idFromBounceAddress(address: string, settings: Pick<TMessageSettings, "mailFrom" | "bounceAddress">): string | undefined {
  const { local, domain } = bounceBase(settings);
  const at = address.lastIndexOf("@");
  if (at < 0 || address.slice(at + 1).toLowerCase() !== domain.toLowerCase()) return undefined;
  const [base, tag, ...more] = address.slice(0, at).split("+");
  if (more.length > 0 || base?.toLowerCase() !== local.toLowerCase() || !tag || !UUID.test(tag)) return undefined;
  return tag.toLowerCase();
}
