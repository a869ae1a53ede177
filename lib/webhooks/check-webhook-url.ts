/**
 * Where webhooks may go. An owner types the URL and the server calls it, so without a check the app could be made to
 * call its own network (SSRF: a cloud's metadata address, a database's admin page). A URL must be https and its host
 * must resolve to public addresses only; the same rule is applied again to the address the request really connects
 * to (safeLookup), so a name that resolves to a public address when saved and to a private one later is refused too.
 * WEBHOOK_ALLOW_PRIVATE_URLS lifts both (http, and loopback or private addresses), for receivers on the same machine.
 */
import "server-only";
import dns from "node:dns";
import { BlockList, isIP, type LookupFunction } from "node:net";
import { AppError } from "@/lib/errors/app-error";

const PRIVATE = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 128],
  ["::1", 128],
  ["64:ff9b::", 96],
  ["100::", 64],
  ["2001:db8::", 32],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
] as const) {
  PRIVATE.addSubnet(network, prefix, "ipv6");
}

/** True for an address webhooks must not reach: loopback, private, link-local, shared, reserved, multicast. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is that IPv4 address.
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address)?.[1];
    if (mapped) return isPrivateAddress(mapped);
    return PRIVATE.check(address, "ipv6");
  }
  return PRIVATE.check(address, "ipv4");
}

function refuse(message: string): AppError {
  return new AppError("INVALID_INPUT", "This URL cannot receive webhooks.", [{ path: "url", code: "webhook.url", message }]);
}

/** The URL, checked: 422 at `url` with what is wrong. Resolves the host (a name that does not resolve is refused). */
export async function checkWebhookUrl(value: string, allowPrivate: boolean): Promise<URL> {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw refuse("not a URL");
  }
  if (url.protocol !== "https:" && !(allowPrivate && url.protocol === "http:")) throw refuse("must start with https://");
  if (url.username || url.password) throw refuse("must not carry a user name or password");
  if (url.hash) throw refuse("must not have a #fragment");
  if (allowPrivate) return url;
  const host = url.hostname.replace(/^\[|\]$/g, "");
  const addresses = isIP(host) ? [host] : await dns.promises.lookup(host, { all: true, verbatim: true }).then((a) => a.map((x) => x.address), () => []);
  if (addresses.length === 0) throw refuse(`its host ${host} does not resolve`);
  if (addresses.some(isPrivateAddress)) throw refuse(`its host ${host} is a private, loopback or reserved address`);
  return url;
}

/** A DNS look-up for http(s).request that refuses private addresses (unless allowed) at connection time. */
export function safeLookup(allowPrivate: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dns.lookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, "", 4);
      const list = addresses as dns.LookupAddress[];
      if (!allowPrivate && list.some((a) => isPrivateAddress(a.address))) {
        return callback(Object.assign(new Error(`${hostname} resolves to a private or loopback address: refused`), { code: "EPRIVATE" }), "", 4);
      }
      if (options.all) return (callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, list);
      const first = list[0];
      if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "", 4);
      callback(null, first.address, first.family);
    });
  };
}
