import "server-only";
/**
 * The mailbox an address delivers to, for limits and for "has this address written before": letter case, a
 * "+tag" and, at Gmail, dots in the local part do not make another mailbox (victim+1@, v.i.c.t.i.m@ and
 * VICTIM@ all reach the same person), so they must count as one. Pure.
 */
const DOTS_IGNORED = new Set(["gmail.com", "googlemail.com"]);

export function canonicalMailbox(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf("@");
  if (at < 1) return address;
  let local = address.slice(0, at);
  let domain = address.slice(at + 1);
  const plus = local.indexOf("+");
  if (plus > 0) local = local.slice(0, plus);
  if (DOTS_IGNORED.has(domain)) {
    local = local.replaceAll(".", "");
    domain = "gmail.com";
  }
  return `${local}@${domain}`;
}
