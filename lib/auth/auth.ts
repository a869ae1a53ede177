/**
 * Campaigners' sign-in, with better-auth: magic links only (mailed through the app's own transport, so captured at
 * Admin → Mail by default), sessions in HttpOnly, SameSite=Lax cookies (Secure over https), nobody signs up on their
 * own (an owner invites, or the first-start setup link makes the owner). Built once per process, after the database.
 */
import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { magicLink } from "better-auth/plugins";
import { db } from "@/lib/db/client";
import type { TDb } from "@/lib/db/open";
import { authVerifications, campaignerAccounts, campaigners, campaignerSessions } from "@/lib/db/schema";
import { env, publicUrl } from "@/lib/env";
import { getMailTransport, organisationFrom } from "@/lib/mail/mailer";
import { authSecret } from "./auth-secret";
import { buildSignInEmail } from "./sign-in-email";

export const LINK_MINUTES = 15;
const SESSION_DAYS = 14;

/**
 * Set by the setup page and by invitations: a link made inside `heldLinks.run(holder, …)` is handed to the caller
 * (setup signs the new owner in at once) or mailed as an invitation, instead of as a plain sign-in mail. A request
 * from outside cannot reach this store.
 */
type THeld = { hold?: (url: string) => void; invite?: boolean };
// One store per process, like the auth object below: Next.js bundles each route apart, and the auth built in one
// bundle must see what a handler of another bundle put in the store.
const HELD = Symbol.for("urgent-letters.held-sign-in-links");
export const heldLinks: AsyncLocalStorage<THeld> = ((globalThis as Record<symbol, unknown>)[HELD] ??= new AsyncLocalStorage<THeld>()) as AsyncLocalStorage<THeld>;

function localOrigins(url: string): string[] {
  const u = new URL(url);
  const local = ["localhost", "127.0.0.1", "[::1]"];
  return local.includes(u.hostname) ? local.map((h) => `${u.protocol}//${h}${u.port ? `:${u.port}` : ""}`) : [u.origin];
}

function build(database: TDb, secret: string) {
  const base = publicUrl();
  const https = base.startsWith("https://");
  return betterAuth({
    appName: env().ORGANISATION_NAME,
    baseURL: base,
    basePath: "/api/auth",
    secret,
    trustedOrigins: localOrigins(base),
    database: drizzleAdapter(database, {
      provider: "pg",
      schema: { user: campaigners, session: campaignerSessions, account: campaignerAccounts, verification: authVerifications },
    }),
    user: { additionalFields: { role: { type: "string", required: false, defaultValue: "viewer", input: false } } },
    session: { expiresIn: SESSION_DAYS * 24 * 3600, updateAge: 24 * 3600 },
    // Its rate limits (sign-in links asked for and opened: RATE_LIMIT_SIGN_IN_PER_MINUTE per address) key on the
    // address proxy.ts worked out, never on a forwarded header a client could write itself.
    rateLimit: { enabled: true, storage: "memory" },
    advanced: {
      ipAddress: { ipAddressHeaders: ["x-ul-client"] },
      useSecureCookies: https,
      cookiePrefix: "ul-admin",
      defaultCookieAttributes: { httpOnly: true, sameSite: "lax", secure: https },
    },
    telemetry: { enabled: false },
    plugins: [
      magicLink({
        disableSignUp: true,
        expiresIn: LINK_MINUTES * 60,
        storeToken: "hashed",
        rateLimit: { window: 60, max: env().RATE_LIMIT_SIGN_IN_PER_MINUTE },
        async sendMagicLink({ email, url }) {
          const held = heldLinks.getStore();
          if (held?.hold) {
            held.hold(url);
            return;
          }
          const message = buildSignInEmail({ organisation: env().ORGANISATION_NAME, url, minutes: LINK_MINUTES, invited: held?.invite });
          const transport = await getMailTransport();
          await transport.send({ from: organisationFrom(), to: email, subject: message.subject, text: message.text, html: message.html }, "sign-in");
        },
      }),
      nextCookies(),
    ],
  });
}

export type TAuth = ReturnType<typeof build>;

const KEY = Symbol.for("urgent-letters.auth");
type TGlobal = typeof globalThis & { [KEY]?: Promise<TAuth> };

export function getAuth(): Promise<TAuth> {
  const g = globalThis as TGlobal;
  g[KEY] ??= (async () => {
    const database = await db();
    return build(database, await authSecret(database, env().AUTH_SECRET));
  })().catch((error: unknown) => {
    delete g[KEY];
    throw error;
  });
  return g[KEY];
}
