/**
 * Makes a magic link for a campaigner through better-auth: mailed (a sign-in or an invitation), or handed back when
 * `hold` is set (the setup page signs the new owner in at once, without a mail round trip).
 */
import "server-only";
import { publicUrl } from "@/lib/env";
import { getAuth, heldLinks } from "./auth";

export async function sendSignInLink(email: string, options: { invite?: boolean; hold?: boolean; callbackURL?: string } = {}): Promise<string | undefined> {
  const auth = await getAuth();
  const holder: { url?: string; invite?: boolean } = { invite: options.invite && !options.hold };
  // Origin: better-auth checks it on every request made with cookies; this one is the server's own.
  const headers = new Headers({ origin: publicUrl() });
  await heldLinks.run(holder, () =>
    auth.api.signInMagicLink({ body: { email, callbackURL: options.callbackURL ?? "/admin" }, headers }),
  );
  return options.hold ? holder.url : undefined;
}
