/**
 * The validated settings of this process (lib/settings/parse-env.ts says what each one means). Server code only: the
 * settings hold secrets (SMTP_URL, DKIM_PRIVATE_KEY, IP_HASH_SALT).
 */
import "server-only";
import { parseEnv, type TEnv } from "@/lib/settings/parse-env";

export type { TEnv };

let cached: TEnv | undefined;

/** The validated settings of this process. */
export function env(): TEnv {
  cached ??= parseEnv(process.env);
  return cached;
}

export function publicUrl(): string {
  const e = env();
  return (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}

/** Who runs this site, for the privacy page: name, postal address (if set) and the contact for deletion requests. */
export function operator(): { name: string; address?: string; contact: string } {
  const e = env();
  return { name: e.ORGANISATION_NAME, address: e.ORGANISATION_ADDRESS, contact: e.ORGANISATION_CONTACT ?? e.MAIL_FROM };
}

/**
 * The captured-mail pages (/dev/mail) hold live confirmation links and supporters' details: they exist only when
 * mail is captured (SMTP_URL unset) and the site is served for this machine alone (PUBLIC_URL unset or local).
 */
export function capturedMailVisible(): boolean {
  const e = env();
  if (e.SMTP_URL) return false;
  if (!e.PUBLIC_URL) return true;
  const host = new URL(e.PUBLIC_URL).hostname;
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]" || host.endsWith(".localhost");
}
