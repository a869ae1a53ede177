/**
 * Every setting of the app, validated once. A bad value stops the app with a message that names the variable and
 * says what it expects. Nothing else reads `process.env` directly (the start script and test harness aside).
 *
 * The README's settings table is written from this file: keep the two in step. This file only parses: the settings
 * of the running process, secrets among them, are read through lib/env.ts, which the browser can never import;
 * next.config.ts validates with this at build and start.
 */
import { z } from "zod";

/** An unset variable and an empty one mean the same: use the default. */
const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional());

const boolish = z
  .enum(["true", "false", "1", "0", "yes", "no"], { message: "expected true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

export const ZEnv = z.object({
  /** Port the web server listens on. */
  PORT: optional(z.coerce.number({ message: "expected a port number" }).int().min(1).max(65535)).default(3000),
  /**
   * Postgres connection URL (`postgres://user@host:5432/db`). When unset the app runs on the embedded PGlite
   * database in DATA_DIR, which only one process may open at a time.
   */
  DATABASE_URL: optional(
    z.url({ protocol: /^postgres(ql)?$/, message: "expected a postgres:// or postgresql:// URL" }),
  ),
  /** Folder of the embedded PGlite database, used when DATABASE_URL is unset. */
  DATA_DIR: optional(z.string()).default("./.data"),
  /**
   * Public address of the site, used in links sent by email (confirmation links, share links).
   * Default: http://localhost:PORT.
   */
  PUBLIC_URL: optional(z.url({ protocol: /^https?$/, message: "expected an http:// or https:// URL" })),
  /** Folder of the campaign content files loaded on first start. */
  TEMPLATES_DIR: optional(z.string()).default("./templates"),
  /** No longer read (the database is the source of truth): kept so that a start that sets it can say what replaced it. */
  TEMPLATES_RELOAD: optional(boolish).default(false),
  /**
   * SMTP server for real sending, e.g. `smtps://user:pass@smtp.example.org:465`. When unset, mail is captured in the
   * database instead of sent, and shown at /dev/mail.
   */
  SMTP_URL: optional(z.url({ protocol: /^smtps?$/, message: "expected an smtp:// or smtps:// URL" })),
  /**
   * The address letters and confirmations are sent from, on the organisation's own domain. The supporter's name is
   * shown with it ("Asem via Urgent Letters"); the supporter's address is only ever the Reply-To.
   */
  MAIL_FROM: optional(z.email({ message: "expected an email address" })).default("letters@urgent-letters.localhost"),
  /** The organisation's name, shown in From ("<supporter> via <organisation>") and in emails. */
  ORGANISATION_NAME: optional(
    z
      .string()
      .max(80)
      .refine((v) => !/[\r\n"<>]/.test(v), { message: "expected a plain name without quotes, angle brackets or line breaks" }),
  ).default("Urgent Letters"),
  /** The organisation's postal address, shown on /privacy (lines separated by commas or line breaks). Unset: none is
   * shown, only the contact. */
  ORGANISATION_ADDRESS: optional(z.string().max(300)),
  /** Where supporters write to have their details deleted, shown on /privacy: an email address or a web address.
   * Default: MAIL_FROM. */
  ORGANISATION_CONTACT: optional(
    z
      .string()
      .max(200)
      .refine((v) => z.email().safeParse(v).success || /^https?:\/\/\S+$/.test(v), { message: "expected an email address or an http(s):// address" }),
  ),
  /**
   * The envelope sender (return path) of letters, without a `+`: each letter goes out from `<local>+<letter id>@<domain>`
   * (VERP), so a bounce names the letter it is about. Point its domain's MX, or a forward, at `npm run inbound`.
   * Default: `bounces@<the MAIL_FROM domain>`.
   */
  BOUNCE_ADDRESS: optional(
    z.email({ message: "expected an email address" }).refine((v) => !v.split("@")[0]!.includes("+"), { message: "expected an address without a + (the letter id is added after one)" }),
  ),
  /**
   * While sending is paused because the relay refuses all mail, how often (seconds) a worker tries it again with the
   * alert email to owners and editors.
   */
  RELAY_PROBE_SECONDS: optional(z.coerce.number({ message: "expected a number of seconds" }).int().min(1).max(86_400)).default(300),
  /** Port `npm run inbound` (the bounce receiver, SMTP) listens on. */
  INBOUND_PORT: optional(z.coerce.number({ message: "expected a port number" }).int().min(1).max(65535)).default(2526),
  /** Address `npm run inbound` listens on. Default: all interfaces (it must be reachable by the mail servers that bounce). */
  INBOUND_HOST: optional(z.string()).default("0.0.0.0"),
  /**
   * Shared secret of `POST /api/v1/inbound/bounces` (for mail providers that forward bounces over HTTP), sent as
   * `Authorization: Bearer <secret>`; 16 characters or more. Unset: the endpoint answers 404.
   */
  INBOUND_SECRET: optional(z.string().min(16, { message: "expected at least 16 characters" })),
  /** DKIM signing: the domain, the selector and the private key (PEM). Signing is on when all three are set. */
  DKIM_DOMAIN: optional(z.string()),
  DKIM_SELECTOR: optional(z.string()),
  DKIM_PRIVATE_KEY: optional(z.string().refine((v) => v.includes("PRIVATE KEY"), { message: "expected a PEM private key" })),
  /** Secret added to IP addresses before hashing them for rate limits. Default: a random value per start. */
  /**
   * Key that signs campaigners' sessions (32 characters or more). Unset: the app makes one at first start and keeps
   * it in the database, so every instance on that database shares it.
   */
  AUTH_SECRET: optional(z.string().min(32, { message: "expected at least 32 characters" })),
  /** Sign-in links asked for or opened per minute from one address (the admin's magic links). */
  RATE_LIMIT_SIGN_IN_PER_MINUTE: optional(z.coerce.number({ message: "expected a number" }).int().min(1)).default(5),
  /** While no campaigner exists, make this address the owner at start and mail it a sign-in link. */
  ADMIN_EMAIL: optional(z.email({ message: "expected an email address" })),
  IP_HASH_SALT: optional(z.string().min(16, { message: "expected at least 16 characters" })),
  /**
   * Secret that signs the bot checks (the proof-of-work challenges the composer solves, and the time stamp in the form
   * sent without JavaScript). Every instance must have the same one. Default: derived from IP_HASH_SALT when that is
   * set, otherwise a random value per start (challenges handed out before a restart are then refused once).
   */
  BOT_CHECK_SECRET: optional(z.string().min(16, { message: "expected at least 16 characters" })),
  /**
   * How much work the composer's proof of work asks for: the largest number of SHA-256 rounds (the challenge picks
   * between half of it and all of it). The default costs a phone about a second, in the background while the
   * supporter writes; tests set it low.
   */
  BOT_CHECK_DIFFICULTY: optional(z.coerce.number({ message: "expected a number from 2 to 10000000" }).int().min(2).max(10_000_000)).default(50_000),
  /**
   * The least time, in seconds, between showing the form to a browser without JavaScript and its Send: a form
   * filled in faster than that was filled in by a program.
   */
  BOT_CHECK_MIN_FORM_SECONDS: optional(z.coerce.number({ message: "expected a number of seconds" }).min(0).max(600)).default(3),
  /** Reverse proxies in front of the app that append to X-Forwarded-For: the client's address is that many entries
   * from the right (lib/http/client-address.ts). */
  TRUSTED_PROXIES: optional(z.coerce.number({ message: "expected a number from 0 to 10" }).int().min(0).max(10)).default(1),
  /** Submissions allowed per hour from one IP address (kept only as a salted hash). */
  RATE_LIMIT_IP_PER_HOUR: optional(z.coerce.number({ message: "expected a number" }).int().min(1)).default(60),
  /** Submissions allowed per hour for one supporter mailbox (its +tags, letter case and Gmail dots count as one). */
  RATE_LIMIT_EMAIL_PER_HOUR: optional(z.coerce.number({ message: "expected a number" }).int().min(1)).default(5),
  /** Confirmation emails allowed per day to one mailbox, whatever the IP address they are asked from. */
  RATE_LIMIT_CONFIRMATIONS_PER_DAY: optional(z.coerce.number({ message: "expected a number" }).int().min(1)).default(10),
  /** PDF previews allowed per minute from one IP address (laying one out takes tens of milliseconds of CPU). */
  RATE_LIMIT_PDF_PER_MINUTE: optional(z.coerce.number({ message: "expected a number" }).int().min(1)).default(30),
  /** Requests allowed per minute with one partner API key (POST /api/v1/actions and GET /api/v1/partners/me/stats
   * together): a partner's server sends for many supporters from one address, so its key is what is counted. */
  RATE_LIMIT_PARTNER_KEY_PER_MINUTE: optional(z.coerce.number({ message: "expected a number" }).int().min(1)).default(120),
  /** Let webhook endpoints be http:// URLs and private or loopback addresses (a receiver on this machine, in tests).
   * Off by default: an owner's URL could otherwise make the server call the private network (SSRF). */
  WEBHOOK_ALLOW_PRIVATE_URLS: optional(boolish).default(false),
  /** Run the sender inside the web process. Default: on with the embedded database, off with DATABASE_URL. */
  WORKER_IN_PROCESS: optional(boolish),
  /** Threads the web process lays out PDF previews on; 0 lays them out on its main thread. Default: cores - 1, 1 to 2. */
  WEB_PDF_THREADS: optional(z.coerce.number({ message: "expected a number" }).int().min(0).max(16)),
  /** PDFs that may wait for a thread in the web process; one more is answered 503 with Retry-After. */
  PDF_QUEUE_MAX: optional(z.coerce.number({ message: "expected a number" }).int().min(1).max(1000)).default(16),
  /** Threads `npm run worker` lays out PDFs on (its main thread cannot: see lib/delivery/pdf-threads.ts). Default: one per core. */
  PDF_THREADS: optional(z.coerce.number({ message: "expected a number" }).int().min(1, { message: "at least 1: the worker lays out PDFs on threads" }).max(64)),
});

export type TEnv = z.infer<typeof ZEnv>;

/** Formats zod's issues as one line per variable: `PORT: expected a port number (got "abc")`. */
export function describeEnvErrors(error: z.ZodError, source: Record<string, string | undefined>): string {
  return error.issues
    .map((issue) => {
      const name = String(issue.path[0] ?? "environment");
      const got = source[name];
      return `  ${name}: ${issue.message}${got === undefined ? "" : ` (got ${JSON.stringify(got)})`}`;
    })
    .join("\n");
}

export function parseEnv(source: Record<string, string | undefined>): TEnv {
  const result = ZEnv.safeParse(source);
  if (!result.success) {
    throw new Error(`Invalid settings:\n${describeEnvErrors(result.error, source)}\nSee the settings table in README.md.`);
  }
  return result.data;
}
