/**
 * Makes a magic link for a campaigner through better-auth: mailed (a sign-in or an invitation), or handed back when
 * `hold` is set (the setup page signs the new owner in at once, without a mail round trip).
 */
import "server-only";
import { publicUrl } from "@/lib/env";
import { getAuth, heldLinks } from "./auth";

const HOLD_TIMEOUT_MS = 15_000;

export async function sendSignInLink(email: string, options: { invite?: boolean; hold?: boolean; callbackURL?: string } = {}): Promise<string | undefined> {
  const auth = await getAuth();
  // better-auth may send the link after its endpoint has answered (a background task): a held link is awaited.
  let handOver: (url: string) => void = () => {};
  const held = new Promise<string>((resolve) => (handOver = resolve));
  const holder = options.hold ? { hold: handOver } : { invite: options.invite };
  // Origin: better-auth checks it on every request made with cookies; this one is the server's own.
  const headers = new Headers({ origin: publicUrl() });
  await heldLinks.run(holder, () =>
    auth.api.signInMagicLink({ body: { email, callbackURL: options.callbackURL ?? "/admin" }, headers }),
  );
  if (!options.hold) return undefined;
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error("the sign-in link was not made in time")), HOLD_TIMEOUT_MS)));
  try {
    return await Promise.race([held, late]);
  } finally {
    clearTimeout(timer);
  }
}
