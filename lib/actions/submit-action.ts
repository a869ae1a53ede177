/**
 * A supporter presses Send: the action and one letter per chosen official, with the text frozen, are written in one
 * transaction. Letters by email wait for the supporter's confirmation; letters to print or to send from the
 * supporter's own mail app wait for them to say they did it.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import { eq, getTableColumns } from "drizzle-orm";
import type { TCampaignView } from "@/lib/campaigns/get-campaign";
import type { TDb } from "@/lib/db/open";
import { rawQuery, type TStatement } from "@/lib/db/raw-query";
import { actions, letters } from "@/lib/db/schema";
import type { TLanguage } from "@/lib/i18n/languages";
import type { TConfirmationRequest } from "@/lib/mail/outbox";
import { AppError } from "@/lib/errors/app-error";
import { composeLetters, letterDocument } from "@/lib/letters/compose-letters";
import { getLetterContext } from "@/lib/letters/letter-context";
import { parseForCampaign } from "@/lib/letters/parse-for-campaign";
import { CATALOGS } from "@/lib/i18n/messages";
import { ZActionInputBase, actionInputSchemaFor, type TActionInput } from "@/lib/schemas/action-input";
import { canonicalMailbox } from "./canonical-mailbox";
import { hashToken } from "./tokens";
import { recipientsById } from "@/lib/campaigns/recipients";
import { botCheckRefused } from "@/lib/bot-check/bot-check-refused";
import type { TSpendableProof } from "@/lib/bot-check/verify-bot-proof";
import { getActivePartner } from "@/lib/partners/get-active-partner";
import { partnerConsentWording } from "@/lib/partners/consent-wording";

export const CONFIRM_TTL_MS = 48 * 60 * 60 * 1000;
/**
 * Submissions allowed per hour from one IP hash and for one mailbox, and confirmation emails a day to one mailbox
 * whatever the IP (RATE_LIMIT_* settings).
 */
export type TRateLimits = { perIpPerHour: number; perEmailPerHour: number; confirmationsPerDay?: number };
export const DEFAULT_RATE_LIMITS: TRateLimits = { perIpPerHour: 60, perEmailPerHour: 5, confirmationsPerDay: 10 };

export type TSubmitResult = {
  id: string;
  status: "awaiting-confirmation" | "confirmed";
  created: boolean;
  campaign: TCampaignView;
  /** The letters written (for a new action): to whom, and by which channel. */
  letters?: { recipientId: string; channel: "email" | "mailto" | "post" }[];
  /** The validated input (for a new action). */
  input?: TActionInput;
};

export function parseActionInput(db: TDb, body: unknown): Promise<{ campaign: TCampaignView; input: TActionInput }> {
  return parseForCampaign(db, body, {
    base: ZActionInputBase,
    forCampaign: actionInputSchemaFor,
    refusal: "Your letters could not be sent: please check the fields listed.",
  });
}

/** The channel of one letter: the chosen delivery when the official accepts email, otherwise post. */
export function channelFor(delivery: TActionInput["delivery"], channels: readonly ("email" | "post")[]): "email" | "mailto" | "post" {
  if (delivery !== "post" && channels.includes("email")) return delivery;
  return "post";
}

export async function submitAction(
  db: TDb,
  body: unknown,
  options: {
    idempotencyKey?: string;
    ipHash?: string;
    /** The partner a partner's API key identified: wins over the `partner` of the body (an embed's). */
    partner?: string;
    now: Date;
    rateLimits?: TRateLimits;
    /** The language of the page the supporter sent from: kept with the action, and the language of the confirmation
     * email and of the confirmation and thank-you pages (the letters may be in another). */
    pageLanguage?: TLanguage;
    /** The bot check's proof that let this submission through (lib/bot-check): spent by the same statement that
     * writes the action, so it lets one submission through, on any instance. Unset: no check (a partner's key, or a
     * caller inside the app). */
    proof?: TSpendableProof;
    /** The signed-in campaigner's email, asked only when the campaign is in test mode (its letters then go to them). */
    testSubmitter?: () => Promise<string | undefined>;
  },
): Promise<TSubmitResult> {
  const { campaign, input } = await parseActionInput(db, body);
  // Test mode: only a signed-in campaigner writes, and every letter goes to them (lib/delivery/test-mode.ts).
  const testTo = campaign.testMode ? await options.testSubmitter?.() : undefined;
  if (campaign.testMode && !testTo) {
    throw new AppError("CONFLICT", "This campaign is in test mode: only a signed-in campaigner can write letters in it.", [
      { path: "campaign", code: "validation.campaignTestMode", message: CATALOGS.en.validation.campaignTestMode },
    ]);
  }
  // Printing and the supporter's own mail app need no address: such actions count only against the IP's limit.
  const email = input.supporter.email?.toLowerCase();
  const mailbox = input.supporter.email ? canonicalMailbox(input.supporter.email) : null;
  const recipients = recipientsById(campaign);
  if (input.delivery !== "post" && !input.recipients.some((id) => recipients.get(id)?.channels.includes("email"))) {
    throw new AppError("INVALID_INPUT", "None of the chosen officials can be reached this way.", [
      { path: "delivery", code: "validation.deliveryUnavailable", message: CATALOGS.en.validation.deliveryUnavailable },
    ]);
  }

  // Attributed only to a partner that exists and is active; any other code is dropped without a word.
  const partner = await getActivePartner(db, options.partner ?? input.partner);
  const pageLanguage = options.pageLanguage ?? input.language ?? "en";
  // "<partner> may contact me", with the words the embed showed, in the language it showed them in.
  const partnerConsent = partner && input.consent?.partner ? { code: partner.code, wording: partnerConsentWording(pageLanguage, partner.name), language: pageLanguage } : null;

  const limits = options.rateLimits ?? DEFAULT_RATE_LIMITS;
  // A key only means something together with the address it was used for: someone reusing another supporter's key
  // must get a new action, never theirs.
  const idempotencyKey = options.idempotencyKey ? `${hashToken(email ?? "").slice(0, 16)}:${options.idempotencyKey}` : undefined;
  // What the key was sent with: the same key with another body is a client's mistake to tell, not to paper over.
  const fingerprint = idempotencyKey ? hashToken(JSON.stringify(input)) : null;

  // The letters are composed before the checks, so that checks and writes are one statement (one round trip, and
  // atomic). A refused submission has composed them for nothing, which is cheap next to a second round trip.
  const templates = (await getLetterContext(db, campaign.slug))?.templates ?? [];
  const composed = composeLetters(campaign, templates, input, options.now);
  const document = letterDocument(campaign, input, composed, options.now);
  const needsConfirmation = input.delivery === "email";
  const id = randomUUID();
  const status = needsConfirmation ? "awaiting-confirmation" : "confirmed";

  const actionRow: typeof actions.$inferSelect = {
    id,
    campaignSlug: campaign.slug,
    status,
    supporterName: input.supporter.name,
    supporterEmail: input.supporter.email ?? null,
    supporterMailbox: mailbox,
    city: input.supporter.city,
    country: input.supporter.country,
    postalAddress: input.supporter.address || null,
    personalNote: input.personalNote || null,
    signAs: input.signAs ?? "full",
    language: input.language ?? null,
    pageLanguage: options.pageLanguage ?? null,
    delivery: input.delivery,
    consent: input.consent ?? {},
    partner: partner?.code ?? null,
    idempotencyKey: idempotencyKey ?? null,
    idempotencyFingerprint: fingerprint,
    // The link's token is made by the worker when it mails the link (lib/actions/issue-confirmation-token.ts): it is
    // never stored in clear, not even in the outbox.
    confirmTokenHash: null,
    confirmExpiresAt: needsConfirmation ? new Date(options.now.getTime() + CONFIRM_TTL_MS) : null,
    confirmedAt: needsConfirmation ? null : options.now,
    ipHash: options.ipHash ?? null,
    anonymisedAt: null,
    createdAt: options.now,
    updatedAt: options.now,
  };
  const letterRows = composed.map((letter, i): typeof letters.$inferSelect => ({
    id: randomUUID(),
    actionId: id,
    campaignSlug: campaign.slug,
    audienceId: letter.audienceId,
    recipientId: letter.recipientId,
    language: letter.language,
    templateVersionId: letter.templateVersionId,
    channel: channelFor(input.delivery, recipients.get(letter.recipientId)!.channels),
    status: "awaiting-confirmation",
    subject: letter.subject,
    body: letter.text,
    page: document.letters[i]!,
    attempts: 0,
    lastError: null,
    nextAttemptAt: null,
    lockedUntil: null,
    messageId: null,
    sentAt: null,
    printedAt: null,
    digestId: null,
    test: campaign.testMode,
    testTo: testTo ?? null,
    createdAt: options.now,
    updatedAt: options.now,
  }));
  // The confirmation email is composed by the worker when it sends it (lib/actions/confirmation-message.ts), with a
  // token it makes then: the outbox holds the action and the language, no secret.
  const confirmation: TConfirmationRequest | null = needsConfirmation ? { actionId: id, language: options.pageLanguage ?? input.language ?? "en" } : null;

  const perDay = limits.confirmationsPerDay ?? DEFAULT_RATE_LIMITS.confirmationsPerDay!;
  const [result] = await rawQuery<TChecks & { inserted: number; proof_fresh: boolean }>(db, SUBMIT, [
    idempotencyKey ?? null,
    mailbox,
    new Date(options.now.getTime() - HOUR_MS),
    limits.perEmailPerHour,
    options.ipHash ?? null,
    limits.perIpPerHour,
    JSON.stringify(byColumn(ACTION_COLUMNS, actionRow)),
    confirmation === null ? null : JSON.stringify(confirmation),
    JSON.stringify(letterRows.map((row) => byColumn(LETTER_COLUMNS, row))),
    new Date(options.now.getTime() - DAY_MS),
    needsConfirmation ? perDay : 0,
    options.proof?.key ?? null,
    options.proof?.expiresAt ?? null,
    partnerConsent?.code ?? null,
    partnerConsent?.wording ?? null,
    partnerConsent?.language ?? null,
  ]);
  if (!result) throw new Error("The submission statement answered no row");
  if (result.existing) {
    if (result.existing.fingerprint && result.existing.fingerprint !== fingerprint) {
      throw new AppError("INVALID_INPUT", "This Idempotency-Key was already used for another submission.", [
        { path: "Idempotency-Key", code: "idempotencyKeyReused", message: "already used with a different body: use a new key for new letters" },
      ]);
    }
    return { ...answerOf(result.existing), created: false, campaign };
  }
  // After the key: a retry of a request that was answered (same key, same body, same proof) gets its answer.
  if (!result.proof_fresh) {
    // The same request sent twice at once: the second found the proof spent before it could see the first's action.
    const winner = idempotencyKey ? await findByKey(db, idempotencyKey) : undefined;
    if (winner) return { ...winner, created: false, campaign };
    throw botCheckRefused("botCheck.reused", "this solved challenge was already used: solve a new one");
  }
  const refusedBy = refusal(result, limits, needsConfirmation ? perDay : 0, options.now);
  if (refusedBy) throw refusedBy;

  // One letter by email per official per campaign from one address. The rule is applied when the address's owner
  // confirms (confirm-action.ts), not here: the answer, and the letters listed for this action, must look the same
  // whoever has written before. Only the confirmation email, which only the owner reads, says so in advance
  // (confirmation-message.ts).


  if (result.inserted === 0 && idempotencyKey) {
    const winner = await findByKey(db, idempotencyKey);
    if (winner) return { ...winner, created: false, campaign };
  }
  return {
    id,
    status,
    created: true,
    campaign,
    letters: letterRows.map((l) => ({ recipientId: l.recipientId, channel: l.channel })),
    input,
  };
}

type TChecks = {
  existing: { id: string; delivery: string; fingerprint: string | null } | null;
  by_email: number;
  by_ip: number;
  by_mailbox_day: number;
  /** When the oldest of the counted submissions falls out of its window (the limit frees a place then). */
  email_frees_at: string | null;
  ip_frees_at: string | null;
  day_frees_at: string | null;
};

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** The 429 for the first limit the submission meets, saying when to try again; undefined when none is met. */
function refusal(checks: TChecks, limits: TRateLimits, perDay: number, now: Date): AppError | undefined {
  const wait = (at: string | null, window: number) => (at ? (Date.parse(at) + window - now.getTime()) / 1000 : window / 1000);
  if (checks.by_email >= limits.perEmailPerHour || checks.by_ip >= limits.perIpPerHour) {
    const seconds = Math.max(
      checks.by_email >= limits.perEmailPerHour ? wait(checks.email_frees_at, HOUR_MS) : 0,
      checks.by_ip >= limits.perIpPerHour ? wait(checks.ip_frees_at, HOUR_MS) : 0,
    );
    return new AppError("TOO_MANY_REQUESTS", "Too many letters were sent from here in the last hour. Please try again later.", [], { retryAfter: seconds });
  }
  if (perDay > 0 && checks.by_mailbox_day >= perDay) {
    return new AppError("TOO_MANY_REQUESTS", "Too many confirmation emails were sent to this address today. Please try again tomorrow.", [], {
      retryAfter: wait(checks.day_frees_at, DAY_MS),
    });
  }
  return undefined;
}

/** The action's columns and the letters', each as [field in the schema, column in the database]. The statement
 * names them one by one, since the tables' order in the database need not be the schema file's order. */
const ACTION_COLUMNS = Object.entries(getTableColumns(actions)).map(([field, column]) => [field, column.name] as const);
const LETTER_COLUMNS = Object.entries(getTableColumns(letters)).map(([field, column]) => [field, column.name] as const);
const names = (columns: readonly (readonly [string, string])[]) => columns.map(([, name]) => `"${name}"`);

/** A row as json_populate_record reads it: by column name (dates become ISO strings in the JSON). */
function byColumn(columns: readonly (readonly [string, string])[], row: object): Record<string, unknown> {
  const values = row as Record<string, unknown>;
  const record: Record<string, unknown> = {};
  for (const [field, name] of columns) if (values[field] !== undefined) record[name] = values[field];
  return record;
}

/**
 * A whole submission in one statement: one round trip, and the action, its letters and its confirmation request
 * are written together or not at all. First the checks: an earlier answer for the idempotency key ($1), and the
 * rate limits for the mailbox $2 and the IP hash $5 since $3, counted only up to their limits $4 and $6 (a busy
 * address, a shared proxy say, must not make every request count its whole hour). Requests arriving at the same
 * moment count without seeing each other, so a burst can pass a limit by its own size: the limits are a brake,
 * not an exact quota. The mailbox $2 also has a daily cap $11 on confirmation emails since $10 (0: not an email
 * action). Each count also says when its oldest counted row leaves the window, for Retry-After. Then, only when no
 * earlier answer exists and the limits allow: the action ($7, JSON), its confirmation request for the outbox ($8,
 * JSON or null) and its letters ($9, a JSON array). A bot-check proof $12 (expiring at $13; null: none) is spent
 * here too, and an action is written only when this statement spent it: of two requests with one proof, on any
 * instances, the second waits for the first's row and writes nothing. A partner's consent ($14 the partner, $15
 * the words shown, $16 their language; null: none) is written with the action. Every column is given
 * (the rows are complete records), so no column's default is silently replaced by a null. Answers the checks and
 * how many letters were written (none when another request with the same key won the race).
 */
const SUBMIT: TStatement = {
  name: "ul-submit",
  text: `with by_email as (
  select created_at from actions where supporter_mailbox = $2 and created_at >= $3 order by created_at desc limit $4
), by_ip as (
  select created_at from actions where ip_hash = $5 and created_at >= $3 order by created_at desc limit $6
), by_day as (
  select created_at from actions where supporter_mailbox = $2 and delivery = 'email' and created_at >= $10 order by created_at desc limit $11
), spent as (
  insert into spent_bot_proofs (key, expires_at) select $12::text, $13::timestamptz where $12::text is not null
  on conflict (key) do nothing
  returning 1
), checks as (
  select
    (select json_build_object('id', id, 'delivery', delivery, 'fingerprint', idempotency_fingerprint) from actions where idempotency_key = $1) as existing,
    (select count(*)::int from by_email) as by_email,
    (select count(*)::int from by_ip) as by_ip,
    (select count(*)::int from by_day) as by_mailbox_day,
    (select min(created_at) from by_email) as email_frees_at,
    (select min(created_at) from by_ip) as ip_frees_at,
    (select min(created_at) from by_day) as day_frees_at,
    ($12::text is null or exists (select 1 from spent)) as proof_fresh
), new_action as (
  insert into actions (${names(ACTION_COLUMNS).join(", ")})
  select ${names(ACTION_COLUMNS).map((c) => `a.${c}`).join(", ")}
  from checks, json_populate_record(null::actions, $7::json) a
  where checks.existing is null and checks.proof_fresh and checks.by_email < $4 and checks.by_ip < $6 and ($11 = 0 or checks.by_mailbox_day < $11)
  on conflict (idempotency_key) do nothing
  returning id, created_at
), new_mail as (
  insert into outbox (kind, message, next_attempt_at, created_at)
  select 'confirmation', $8::jsonb, created_at, created_at from new_action where $8::jsonb is not null
), new_consent as (
  insert into partner_consents (action_id, partner_code, wording, language, given_at)
  select id, $14::text, $15::text, $16::text, created_at from new_action where $14::text is not null
), new_letters as (
  insert into letters (${names(LETTER_COLUMNS).join(", ")})
  select ${names(LETTER_COLUMNS).map((c) => `x.${c}`).join(", ")}
  from new_action join json_populate_recordset(null::letters, $9::json) x on x.action_id = new_action.id
  returning 1
)
select checks.*, (select count(*)::int from new_letters) as inserted from checks`,
};

/** An action a key created, answered as it was first answered (its status then followed from its delivery). */
function answerOf(row: { id: string; delivery: string }) {
  const status: TSubmitResult["status"] = row.delivery === "email" ? "awaiting-confirmation" : "confirmed";
  return { id: row.id, status };
}

async function findByKey(db: TDb, key: string) {
  const [row] = await db.select({ id: actions.id, delivery: actions.delivery }).from(actions).where(eq(actions.idempotencyKey, key));
  return row ? answerOf(row) : undefined;
}
