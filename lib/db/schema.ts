/**
 * The database tables. Migrations in lib/db/migrations are generated from this file with `npm run db:generate`
 * and committed; the same migrations run on PGlite and on Postgres.
 */
import { sql } from "drizzle-orm";
import type { TLanguage } from "@/lib/i18n/languages";
import type { TLetterPage } from "@/lib/letters/types";
import type { TRecipientKind } from "@/lib/templates/recipient-kinds";
import type { TOutboxMessage } from "@/lib/mail/types";
import type { TEmbedTheme } from "@/lib/embed/theme";
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

/** A text per language; `en` is always present. */
export type TLocalized = { en: string } & Partial<Record<Exclude<TLanguage, "en">, string>>;
export type TLocalizedList = { en: string[] } & Partial<Record<Exclude<TLanguage, "en">, string[]>>;

export type TCampaignSource = { organisation: string; title: string; url?: string; publishedOn?: string };
export type TCampaignContent = { title: string; summary: string; background: string; review?: "needed" };
export type TTimelineEntry = { date: string; text: TLocalized; source: string };
/** Where the case stands, in a sentence or two per language (inline Markdown), and the day that was last checked. */
export type TCaseStatus = { asOf: string; text: TLocalized };
/** A dated development since the appeal, with its source (inline Markdown text). */
export type TCaseUpdate = { date: string; text: TLocalized; source: string };

export type TCampaignSettings = {
  hourlyCap: number;
  dailyCap: number;
  retentionDays: number;
  /** "Write before" (YYYY-MM-DD, issue 11): shown on the case page; after that day the campaign pauses itself. */
  writeBefore?: string;
};

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const campaigns = pgTable("campaigns", {
  slug: text("slug").primaryKey(),
  status: text("status", { enum: ["draft", "live", "paused", "closed"] }).notNull(),
  subject: text("subject").notNull(),
  defaultLanguage: text("default_language").notNull(),
  /** Title, summary and background per language. */
  content: jsonb("content").$type<Partial<Record<string, TCampaignContent>> & { en: TCampaignContent }>().notNull(),
  source: jsonb("source").$type<TCampaignSource>().notNull(),
  timeline: jsonb("timeline").$type<TTimelineEntry[]>().notNull(),
  /** Null only in a database loaded before case statuses existed (reload the files to fill it). */
  caseStatus: jsonb("case_status").$type<TCaseStatus>(),
  updates: jsonb("updates").$type<TCaseUpdate[]>().notNull().default([]),
  settings: jsonb("settings").$type<TCampaignSettings>().notNull(),
  /**
   * When the campaign became closed in this database (null while it is not closed). Supporters' personal data is
   * anonymised settings.retentionDays after it (lib/privacy/apply-retention.ts).
   */
  closedAt: timestamp("closed_at", { withTimezone: true }),
  /**
   * Sending on hold: the worker sends none of the campaign's letters while true; the queue is kept and supporters can
   * still write (that is `status`: `paused` closes the form for new letters, and queued letters still go out).
   */
  sendingHeld: boolean("sending_held").notNull().default(false),
  /**
   * Test mode (issue 11): only a signed-in campaigner can write, every letter goes to that campaigner (subject
   * prefixed "[TEST]", lib/delivery/test-mode.ts), never to an official, and none counts in the numbers.
   */
  testMode: boolean("test_mode").notNull().default(false),
  /** The file the campaign was loaded from, for the admin's "export back". */
  loadedFrom: text("loaded_from"),
  ...timestamps,
});

export const recipients = pgTable("recipients", {
  id: text("id").primaryKey(),
  /** What the recipient is; decides what a letter may ask of them. Null only in a database loaded before kinds. */
  kind: text("kind").$type<TRecipientKind>(),
  /** The name in Latin script (envelopes, email headers)… */
  name: text("name"),
  /** …and per language where a source gives it in that language's script (letters). */
  names: jsonb("names").$type<TLocalized>(),
  role: jsonb("role").$type<TLocalized>().notNull(),
  organisation: jsonb("organisation").$type<TLocalized>().notNull(),
  country: text("country").notNull(),
  address: jsonb("address").$type<string[]>(),
  envelopeName: text("envelope_name"),
  /** Supporter countries (ISO 3166-1 alpha-2) the office serves, e.g. an embassy and its accreditations. */
  servesCountries: jsonb("serves_countries").$type<string[]>().notNull().default([]),
  email: text("email"),
  /** "needed" while the email rests on an unverified third-party source; letters still go. */
  emailCheck: text("email_check").$type<"needed">(),
  /** "needed" while the postal address has no citeable source. */
  addressCheck: text("address_check").$type<"needed">(),
  channels: jsonb("channels").$type<("email" | "post")[]>().notNull(),
  salutation: jsonb("salutation").$type<TLocalized>().notNull(),
  timeZone: text("time_zone"),
  source: jsonb("source").$type<string[]>().notNull(),
  verifiedOn: date("verified_on").notNull(),
  notes: text("notes"),
  /** Set after repeated hard bounces, so campaigners check the address. */
  emailSuspect: boolean("email_suspect").notNull().default(false),
  /** Permanent (5xx) failures in a row; reset by a successful send. */
  hardFailures: integer("hard_failures").notNull().default(0),
  loadedFrom: text("loaded_from"),
  ...timestamps,
});

export const audiences = pgTable(
  "audiences",
  {
    campaignSlug: text("campaign_slug")
      .notNull()
      .references(() => campaigns.slug, { onDelete: "cascade" }),
    id: text("id").notNull(),
    position: integer("position").notNull(),
    title: jsonb("title").$type<TLocalized>().notNull(),
    defaultLanguage: text("default_language").notNull(),
    demands: jsonb("demands").$type<TLocalizedList>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignSlug, t.id] })],
);

export const audienceRecipients = pgTable(
  "audience_recipients",
  {
    campaignSlug: text("campaign_slug").notNull(),
    audienceId: text("audience_id").notNull(),
    recipientId: text("recipient_id")
      .notNull()
      .references(() => recipients.id, { onDelete: "restrict" }),
    position: integer("position").notNull(),
    preselected: boolean("preselected").notNull().default(true),
  },
  (t) => [
    primaryKey({ columns: [t.campaignSlug, t.audienceId, t.recipientId] }),
    foreignKey({ columns: [t.campaignSlug, t.audienceId], foreignColumns: [audiences.campaignSlug, audiences.id] }).onDelete(
      "cascade",
    ),
  ],
);

export const letterTemplates = pgTable(
  "letter_templates",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignSlug: text("campaign_slug").notNull(),
    audienceId: text("audience_id").notNull(),
    language: text("language").notNull(),
    subjects: jsonb("subjects").$type<string[]>().notNull(),
    body: text("body").notNull(),
    review: text("review"),
    /** The published version the row holds (content_versions.id); letters record it. */
    versionId: uuid("version_id"),
    loadedFrom: text("loaded_from"),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("letter_templates_unique").on(t.campaignSlug, t.audienceId, t.language),
    foreignKey({ columns: [t.campaignSlug, t.audienceId], foreignColumns: [audiences.campaignSlug, audiences.id] }).onDelete(
      "cascade",
    ),
  ],
);

export const actions = pgTable(
  "actions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    campaignSlug: text("campaign_slug")
      .notNull()
      .references(() => campaigns.slug),
    status: text("status", { enum: ["awaiting-confirmation", "confirmed", "expired"] }).notNull(),
    supporterName: text("supporter_name").notNull(),
    /** Only needed to send by email for the supporter; printing and the supporter's own mail app need none. */
    supporterEmail: text("supporter_email"),
    /** The mailbox the email delivers to (lib/actions/canonical-mailbox.ts): what the per-address limits count. */
    supporterMailbox: text("supporter_mailbox"),
    city: text("city").notNull(),
    country: text("country").notNull(),
    postalAddress: text("postal_address"),
    personalNote: text("personal_note"),
    signAs: text("sign_as", { enum: ["full", "initials"] }).notNull().default("full"),
    language: text("language"),
    /** The language of the page the supporter sent from: the confirmation email, the confirmation and thank-you
     * pages speak it, whatever the browser opening them prefers (null for actions from before it was kept). */
    pageLanguage: text("page_language"),
    delivery: text("delivery", { enum: ["email", "mailto", "post"] }).notNull(),
    consent: jsonb("consent").$type<{ updates?: boolean }>().notNull().default({}),
    partner: text("partner"),
    idempotencyKey: text("idempotency_key"),
    /** A hash of the body the key came with: the same key with another body is refused, not answered. */
    idempotencyFingerprint: text("idempotency_fingerprint"),
    /** Only a hash of the confirmation token is stored. */
    confirmTokenHash: text("confirm_token_hash"),
    confirmExpiresAt: timestamp("confirm_expires_at", { withTimezone: true }),
    confirmedAt: timestamp("confirmed_at", { withTimezone: true }),
    /** Salted hash of the submitter's IP address, for rate limits only. */
    ipHash: text("ip_hash"),
    /**
     * Set when the supporter's personal data was removed (at their request, or after the campaign's retention): the
     * name, email and city are then empty and the letters' texts gone; campaign, recipients, statuses and dates stay.
     */
    anonymisedAt: timestamp("anonymised_at", { withTimezone: true }),
    ...timestamps,
  },
  (t) => [
    uniqueIndex("actions_idempotency_key").on(t.idempotencyKey),
    // Rate limits and the one-letter-per-official rule look actions up by lower-cased email and by IP hash.
    index("actions_email_lower").on(sql`lower(${t.supporterEmail})`, t.createdAt),
    index("actions_mailbox").on(t.supporterMailbox, t.createdAt),
    index("actions_ip_hash").on(t.ipHash, t.createdAt),
  ],
);

export const letters = pgTable(
  "letters",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    campaignSlug: text("campaign_slug").notNull(),
    audienceId: text("audience_id").notNull(),
    recipientId: text("recipient_id")
      .notNull()
      .references(() => recipients.id),
    language: text("language").notNull(),
    channel: text("channel", { enum: ["email", "mailto", "post"] }).notNull(),
    status: text("status", {
      // held: waiting for a campaigner (its official's address is suspect); bounced: a bounce came back after the
      // relay accepted it (issue 11).
      enum: ["awaiting-confirmation", "queued", "held", "sending", "sent", "failed", "bounced", "posted", "cancelled"],
    }).notNull(),
    /** The published template version the letter was written from (content_versions.id). */
    templateVersionId: uuid("template_version_id"),
    /** The letter as rendered at submission; later template edits do not change it. */
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    /** The letter laid out for print (blocks, sender, address, date), frozen with the text; the PDF is made from it. */
    page: jsonb("page").$type<TLetterPage>().notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    messageId: text("message_id"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    /** When the supporter first downloaded a letter to post: a posted letter counts publicly only after this print step. */
    printedAt: timestamp("printed_at", { withTimezone: true }),
    /** Set when the letter went out inside a daily digest (above the recipient's daily cap); shared by that digest. */
    digestId: uuid("digest_id"),
    /**
     * Written while its campaign was in test mode: delivered to `testTo` (the campaigner who wrote it) instead of the
     * official, and left out of every count.
     */
    test: boolean("test").notNull().default(false),
    testTo: text("test_to"),
    ...timestamps,
  },
  (t) => [
    index("letters_campaign_status").on(t.campaignSlug, t.status),
    index("letters_due")
      .on(t.nextAttemptAt)
      .where(sql`status = 'queued'`),
    index("letters_action").on(t.actionId),
    // Pacing counts what each official received recently; a crashed worker's letters are found by their lock.
    index("letters_recipient_status_sent").on(t.recipientId, t.status, t.sentAt),
    index("letters_sending_lock")
      .on(t.lockedUntil)
      .where(sql`status = 'sending'`),
    // Issue 11: the Deliveries page lists letters newest first; with this the first page of a broad filter is read
    // off the index instead of sorting every matching letter (bench/deliveries.ts).
    index("letters_created").on(t.createdAt, t.id),
  ],
);

/**
 * Messages of the organisation's own (confirmations) waiting to be sent: written in the same statement as the
 * action, sent by the worker with retries, deleted once sent (the row holds a live confirmation link).
 */
export const outbox = pgTable(
  "outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    message: jsonb("message").$type<TOutboxMessage>().notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("outbox_due").on(t.nextAttemptAt)],
);

/** Mail kept instead of sent when SMTP_URL is unset (the embedded default). */
export const capturedMail = pgTable("captured_mail", {
  id: uuid("id").primaryKey().defaultRandom(),
  kind: text("kind").notNull(),
  to: text("to").notNull(),
  from: text("from").notNull(),
  subject: text("subject").notNull(),
  raw: text("raw").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Allowances for limits that are not counted from the rows they limit (PDF previews leave no row): one row per key,
 * its window opened by the first request and lasting a minute. In the database, so every app instance shares them.
 * Rows of windows long past are deleted by housekeeping.
 */
export const rateCounts = pgTable("rate_counts", {
  key: text("key").primaryKey(),
  windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
  points: integer("points").notNull(),
});

/**
 * A supporter's request to see or delete what is stored about their mailbox: the emailed link's token is stored
 * only as a hash and works for 24 hours. The address is kept with it (the link must find the data) and the row is
 * deleted when it expires or when the mailbox's data is deleted; `emailKey` (a hash of the lower-cased address)
 * and `ipHash` count requests for the rate limits.
 */
export const privacyRequests = pgTable(
  "privacy_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    emailKey: text("email_key").notNull(),
    ipHash: text("ip_hash"),
    tokenHash: text("token_hash").notNull(),
    language: text("language").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("privacy_requests_token").on(t.tokenHash),
    index("privacy_requests_email_key").on(t.emailKey, t.createdAt),
    index("privacy_requests_ip_hash").on(t.ipHash, t.createdAt),
  ],
);

/** When each scheduled job last started, so that several workers run it at most once per period between them. */
export const jobRuns = pgTable("job_runs", {
  name: text("name").primaryKey(),
  lastRunAt: timestamp("last_run_at", { withTimezone: true }).notNull(),
});

/**
 * Every saved state of an editable piece of content: a campaign (its campaign.yaml and its texts per language), a
 * letter template (audience × language), a recipient or a partner. `doc` is the piece in the shape of its file in templates/
 * (lib/content/docs.ts), so a version can be diffed, restored and exported as it is. Campaigns and recipients are
 * published when saved; a letter template's version is a draft until published. The serving tables (campaigns,
 * recipients, letter_templates, audiences) hold the current published state, written from these.
 */
export const contentVersions = pgTable(
  "content_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    entity: text("entity", { enum: ["campaign", "template", "recipient", "partner"] }).notNull(),
    /** campaign: its slug; recipient: its id; template: `<campaign>/<audience>/<language>`. */
    key: text("key").notNull(),
    version: integer("version").notNull(),
    state: text("state", { enum: ["draft", "published"] }).notNull(),
    doc: jsonb("doc").$type<Record<string, unknown>>().notNull(),
    /** Who saved it: a campaigner's email, or `import` / `import:<dir>` for content loaded from files. */
    author: text("author").notNull(),
    /** What the save was, in a few words (a restore names the version it restored). */
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("content_versions_key_version").on(t.entity, t.key, t.version)],
);

/**
 * One row, bumped in the transaction of every content write. Every process caches content by this number and reads
 * it once per request, so an edit shows everywhere on the next request (lib/content/content-revision.ts).
 */
export const contentRevision = pgTable("content_revision", {
  id: integer("id").primaryKey().default(1),
  revision: integer("revision").notNull().default(0),
});

/** Secrets the app makes for itself when the settings give none (the sign-in key), shared by every instance. */
export const appSecrets = pgTable("app_secrets", {
  name: text("name").primaryKey(),
  value: text("value").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Who did what in the admin, for owners: every write of content, campaigners, settings and deliveries. */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** The campaigner's email (kept if they are removed later), or `system` / `import`. */
    actor: text("actor").notNull(),
    action: text("action").notNull(),
    entity: text("entity").notNull(),
    key: text("key"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
  },
  (t) => [index("audit_log_at").on(t.at)],
);

// Sign-in (better-auth, lib/auth/auth.ts): its four tables, with a role on the campaigner.
export const CAMPAIGNER_ROLES = ["owner", "editor", "viewer"] as const;
export type TCampaignerRole = (typeof CAMPAIGNER_ROLES)[number];

export const campaigners = pgTable("campaigners", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  role: text("role").$type<TCampaignerRole>().notNull().default("viewer"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const campaignerSessions = pgTable(
  "campaigner_sessions",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => campaigners.id, { onDelete: "cascade" }),
  },
  (t) => [index("campaigner_sessions_user").on(t.userId)],
);

export const campaignerAccounts = pgTable("campaigner_accounts", {
  id: text("id").primaryKey(),
  accountId: text("account_id").notNull(),
  providerId: text("provider_id").notNull(),
  userId: text("user_id")
    .notNull()
    .references(() => campaigners.id, { onDelete: "cascade" }),
  accessToken: text("access_token"),
  refreshToken: text("refresh_token"),
  idToken: text("id_token"),
  accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
  refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
  scope: text("scope"),
  password: text("password"),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const authVerifications = pgTable("auth_verifications", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * The one-time link that makes the first campaigner the owner (printed by `npm start` while nobody can sign in).
 * Only a hash is stored; it works for 24 hours and once.
 */
export const setupTokens = pgTable("setup_tokens", {
  tokenHash: text("token_hash").primaryKey(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Bot-check proofs already used (a solved proof-of-work challenge, or the stamp of a form sent without JavaScript):
 * each lets one submission through. Written by the submission's own statement, so two instances cannot both accept
 * one; deleted by housekeeping once expired, when it could not pass again anyway.
 */
export const spentBotProofs = pgTable(
  "spent_bot_proofs",
  {
    key: text("key").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  },
  (t) => [index("spent_bot_proofs_expires_at").on(t.expiresAt)],
);

/**
 * Partner organisations that embed the form on their own sites (templates/partners/<code>.yaml). An action records
 * its partner only while the partner is known and active; `/embed/*` may be framed only by `allowedOrigins`.
 */
export const partners = pgTable("partners", {
  code: text("code").primaryKey(),
  name: text("name").notNull(),
  site: text("site").notNull(),
  allowedOrigins: jsonb("allowed_origins").$type<string[]>().notNull().default([]),
  theme: jsonb("theme").$type<TEmbedTheme>(),
  /** An inactive partner's embed cannot be framed, its actions are not attributed and its keys do not work. */
  active: boolean("active").notNull().default(true),
  loadedFrom: text("loaded_from"),
  ...timestamps,
});

/**
 * A supporter's "<partner> may contact me": given per partner on the partner's embed or form, with the words the
 * supporter saw and when. A partner's webhooks carry the supporter's name and email only with a row here.
 */
export const partnerConsents = pgTable(
  "partner_consents",
  {
    actionId: uuid("action_id")
      .notNull()
      .references(() => actions.id, { onDelete: "cascade" }),
    partnerCode: text("partner_code")
      .notNull()
      .references(() => partners.code, { onDelete: "cascade" }),
    /** The consent sentence exactly as shown, in the language it was shown in. */
    wording: text("wording").notNull(),
    language: text("language").notNull(),
    givenAt: timestamp("given_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.actionId, t.partnerCode] }), index("partner_consents_partner").on(t.partnerCode)],
);

/**
 * Every try to deliver a letter, with the relay's answer (issue 11: a letter's page lists them): written with the
 * letter's new status by lib/delivery/letter-outcomes.ts. A digest's try is one row per letter it carried.
 */
export const letterAttempts = pgTable(
  "letter_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    letterId: uuid("letter_id")
      .notNull()
      .references(() => letters.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    /** sent: the relay accepted it; retry: a temporary refusal; failed: a final one; not-built: nothing was sent. */
    outcome: text("outcome").$type<"sent" | "retry" | "failed" | "not-built" | "held" | "bounced" | "soft-bounce">().notNull(),
    /** The relay's reply (or the error), as it came. */
    reply: text("reply"),
    messageId: text("message_id"),
  },
  (t) => [index("letter_attempts_letter").on(t.letterId, t.at)],
);

// Issue 12 (partner API and signed webhooks): partners' API keys, their webhook endpoints and the deliveries to them.

/**
 * A partner's API key (`Authorization: Bearer ul_live_…`): only a SHA-256 hash of the whole key is kept, so the key
 * is shown once, when it is made, and a database dump holds no working key. A key is looked up by its hash (an
 * index, not a comparison of secrets in JavaScript), so no timing tells how much of a guess was right.
 */
export const partnerApiKeys = pgTable(
  "partner_api_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnerCode: text("partner_code")
      .notNull()
      .references(() => partners.code, { onDelete: "cascade" }),
    /** What the owner called it ("CRM sync"). */
    name: text("name").notNull(),
    /** The key's first characters (`ul_live_ab12`), to tell keys apart in the list; not enough to use it. */
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** The owner's email. */
    createdBy: text("created_by").notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("partner_api_keys_hash").on(t.keyHash), index("partner_api_keys_partner").on(t.partnerCode)],
);

export const WEBHOOK_EVENTS = ["action.confirmed", "letter.sent", "letter.bounced", "campaign.updated", "campaign.closed"] as const;
export type TWebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/**
 * Where a partner wants events: an https URL, the events it takes, and its signing secret (Standard Webhooks,
 * `whsec_…`). The app must read the secret to sign, so it is kept encrypted (AES-256-GCM with a key derived from
 * the app's secret, lib/webhooks/endpoint-secret.ts), never in clear.
 */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    partnerCode: text("partner_code")
      .notNull()
      .references(() => partners.code, { onDelete: "cascade" }),
    url: text("url").notNull(),
    /** The `whsec_…` secret, encrypted: `v1.<iv>.<tag>.<ciphertext>` (base64url). */
    secret: text("secret").notNull(),
    events: jsonb("events").$type<TWebhookEvent[]>().notNull(),
    active: boolean("active").notNull().default(true),
    createdBy: text("created_by").notNull(),
    ...timestamps,
  },
  (t) => [index("webhook_endpoints_partner").on(t.partnerCode)],
);

/**
 * One event for one endpoint: written with the change it reports (in the same transaction), sent by the worker's
 * webhook pass, retried with the letters' back-off for 24 hours, then given up (failedAt). Its id is the
 * `webhook-id` a receiver deduplicates by, the same on every try and on a redelivery.
 */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    endpointId: uuid("endpoint_id")
      .notNull()
      .references(() => webhookEndpoints.id, { onDelete: "cascade" }),
    eventType: text("event_type").$type<TWebhookEvent | "test">().notNull(),
    /** The whole JSON body as sent: `{type, timestamp, data}`. */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    attempts: integer("attempts").notNull().default(0),
    /** Null once delivered or given up. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    /** The receiver's HTTP status on the last try (null: no answer). */
    lastStatus: integer("last_status"),
    lastError: text("last_error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("webhook_deliveries_due")
      .on(t.nextAttemptAt)
      .where(sql`next_attempt_at is not null`),
    index("webhook_deliveries_endpoint").on(t.endpointId, t.createdAt),
  ],
);
// Issue 11 (relay failures and bounces) ---------------------------------------------------------------------------

/** A refusal the relay gave, kept while a run of them may turn out to be the relay's and not the officials'. */
export type TRelayRefusal = {
  letterIds: string[];
  recipientId: string;
  /** This refusal raised the official's suspect flag (undone if the run turns out to be the relay's). */
  raisedFlag: boolean;
};

/**
 * Whether the relay refuses all mail (auth, policy, relay access denied): one row (id 'relay') shared by every app
 * instance and worker. While `pausedAt` is set and `resumedAt` is not later, nothing is sent; an owner resumes.
 * `run*` holds the same 5xx refusal given for different officials in a row, the evidence of a refusing relay.
 */
export const relayState = pgTable("relay_state", {
  id: text("id").primaryKey(),
  pausedAt: timestamp("paused_at", { withTimezone: true }),
  /** The relay's reply that paused sending, as it came. */
  reply: text("reply"),
  /** 'relay' when the worker paused it; a campaigner's id when one did. */
  pausedBy: text("paused_by"),
  resumedAt: timestamp("resumed_at", { withTimezone: true }),
  resumedBy: text("resumed_by"),
  /** The last time a paused worker tried the relay again, and what it answered. */
  probedAt: timestamp("probed_at", { withTimezone: true }),
  probeReply: text("probe_reply"),
  /** When the "the relay accepts mail again" email went out (the first message the relay took after the pause). */
  alertSentAt: timestamp("alert_sent_at", { withTimezone: true }),
  runReply: text("run_reply"),
  runRefusals: jsonb("run_refusals").$type<TRelayRefusal[]>().notNull().default([]),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
// ---- Issue 11: the case lifecycle and the numbers ----

/**
 * Previews of letters per campaign and day (the funnel's first step): a count, nothing about who previewed. Written
 * by POST /api/v1/letters/preview (lib/numbers/count-preview.ts).
 */
export const campaignPreviews = pgTable(
  "campaign_previews",
  {
    campaignSlug: text("campaign_slug").notNull(),
    day: date("day").notNull(),
    count: integer("count").notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.campaignSlug, t.day] })],
);

/**
 * The one-click unsubscribe links of the campaign news emails (lib/news): one token per email, stored only as a
 * hash, naming the campaign and the mailbox (lib/actions/canonical-mailbox.ts) it stops news for. Deleted with the
 * mailbox's data.
 */
export const newsTokens = pgTable(
  "news_tokens",
  {
    tokenHash: text("token_hash").primaryKey(),
    campaignSlug: text("campaign_slug")
      .notNull()
      .references(() => campaigns.slug, { onDelete: "cascade" }),
    mailbox: text("mailbox").notNull(),
    /** When its owner unsubscribed with it (null while not). */
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("news_tokens_mailbox").on(t.mailbox)],
);
