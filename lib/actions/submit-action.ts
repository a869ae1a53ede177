/**
 * A supporter presses Send: the action and one letter per chosen official, with the text frozen, are written in one
 * transaction. Letters by email wait for the supporter's confirmation; letters to print or to send from the
 * supporter's own mail app wait for them to say they did it.
 */
import { randomUUID } from "node:crypto";
import { eq, getTableColumns } from "drizzle-orm";
import type { TCampaignView } from "@/lib/campaigns/get-campaign";
import type { TDb } from "@/lib/db/open";
import { rawQuery, type TStatement } from "@/lib/db/raw-query";
import { actions, letters } from "@/lib/db/schema";
import type { TOutboxMessage } from "@/lib/mail/outbox";
import { AppError } from "@/lib/errors/app-error";
import { composeLetters, letterDocument } from "@/lib/letters/compose-letters";
import { getLetterContext } from "@/lib/letters/letter-context";
import { parseForCampaign } from "@/lib/letters/parse-for-campaign";
import { CATALOGS } from "@/lib/i18n/messages";
import { ZActionInputBase, actionInputSchemaFor, type TActionInput } from "@/lib/schemas/action-input";
import { hashToken, newToken } from "./tokens";

export const CONFIRM_TTL_MS = 48 * 60 * 60 * 1000;
/** Submissions allowed per hour from one IP hash, and for one email address (RATE_LIMIT_* settings). */
export type TRateLimits = { perIpPerHour: number; perEmailPerHour: number };
export const DEFAULT_RATE_LIMITS: TRateLimits = { perIpPerHour: 60, perEmailPerHour: 5 };

export type TSubmitResult = {
  id: string;
  status: "awaiting-confirmation" | "confirmed";
  /** Only for a new email action: the token for the confirmation link (sent by email, never answered to the client). */
  confirmToken?: string;
  created: boolean;
  campaign: TCampaignView;
  /** Officials this email address has already written to in this campaign; told to the address owner only. */
  alreadyWritten: string[];
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

/** What the confirmation email of a new action is built from. */
export type TNewAction = {
  id: string;
  token: string;
  input: TActionInput;
  campaign: TCampaignView;
  alreadyWritten: string[];
  letters: { recipientId: string; channel: "email" | "mailto" | "post" }[];
};

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
    partner?: string;
    now: Date;
    rateLimits?: TRateLimits;
    /** Builds the confirmation email of a new email action; it is queued in the outbox with the action. */
    confirmationEmail?: (action: TNewAction) => TOutboxMessage;
  },
): Promise<TSubmitResult> {
  const { campaign, input } = await parseActionInput(db, body);
  const email = input.supporter.email.toLowerCase();
  const recipients = new Map(campaign.audiences.flatMap((a) => a.recipients.map((r) => [r.id, r] as const)));
  if (input.delivery !== "post" && !input.recipients.some((id) => recipients.get(id)?.channels.includes("email"))) {
    throw new AppError("INVALID_INPUT", "None of the chosen officials can be reached this way.", [
      { path: "delivery", message: CATALOGS.en.validation.deliveryUnavailable },
    ]);
  }

  // Everything the submission must know first, in one round trip: an earlier answer for this key, the rate
  // limits, and the officials this address has already written to in this campaign. The counts stop at the limit:
  // a busy address (a shared proxy, say) must not make every request count its whole hour.
  const limits = options.rateLimits ?? DEFAULT_RATE_LIMITS;
  // A key only means something together with the address it was used for: someone reusing another supporter's key
  // must get a new action, never theirs.
  const idempotencyKey = options.idempotencyKey ? `${hashToken(email).slice(0, 16)}:${options.idempotencyKey}` : undefined;
  const since = new Date(options.now.getTime() - 60 * 60 * 1000);
  const [check] = await rawQuery<TChecks>(db, CHECKS, [idempotencyKey ?? null, email, since, limits.perEmailPerHour, options.ipHash ?? null, limits.perIpPerHour, campaign.slug]);
  if (!check) throw new Error("The submission checks answered no row");
  if (check.existing) return { ...answerOf(check.existing), created: false, campaign, alreadyWritten: [] };
  if (check.by_email >= limits.perEmailPerHour || check.by_ip >= limits.perIpPerHour) {
    throw new AppError("TOO_MANY_REQUESTS", "Too many letters were sent from here in the last hour. Please try again later.");
  }

  // One letter by email per official per campaign from one address. The rule is applied when the address's owner
  // confirms (confirm-action.ts), not here: the answer, and the letters listed for this action, must look the same
  // whoever has written before. Only the confirmation email, which only the owner reads, says so in advance.
  const alreadyWritten = input.delivery === "email" ? input.recipients.filter((id) => check.written?.includes(id)) : [];

  const templates = (await getLetterContext(db, campaign.slug))?.templates ?? [];
  const composed = composeLetters(campaign, templates, input, options.now);
  const document = letterDocument(campaign, input, composed, options.now);
  const needsConfirmation = input.delivery === "email";
  const token = needsConfirmation ? newToken() : undefined;
  const id = randomUUID();
  const status = needsConfirmation ? "awaiting-confirmation" : "confirmed";

  const actionRow: TActionRecord = {
    id,
    campaignSlug: campaign.slug,
    status,
    supporterName: input.supporter.name,
    supporterEmail: input.supporter.email,
    city: input.supporter.city,
    country: input.supporter.country,
    postalAddress: input.supporter.address || null,
    personalNote: input.personalNote || null,
    signAs: input.signAs ?? "full",
    language: input.language ?? null,
    delivery: input.delivery,
    // JSON as text: both drivers pass a string through as it is.
    consent: JSON.stringify(input.consent ?? {}),
    partner: options.partner ?? null,
    idempotencyKey: idempotencyKey ?? null,
    confirmTokenHash: token ? hashToken(token) : null,
    confirmExpiresAt: token ? new Date(options.now.getTime() + CONFIRM_TTL_MS) : null,
    confirmedAt: needsConfirmation ? null : options.now,
    ipHash: options.ipHash ?? null,
    createdAt: options.now,
    updatedAt: options.now,
  };
  const letterRows = composed.map((letter, i) => ({
    id: randomUUID(),
    actionId: id,
    campaignSlug: campaign.slug,
    audienceId: letter.audienceId,
    recipientId: letter.recipientId,
    language: letter.language,
    channel: channelFor(input.delivery, recipients.get(letter.recipientId)!.channels),
    status: "awaiting-confirmation" as const,
    subject: letter.subject,
    body: letter.text,
    page: document.letters[i]!,
    createdAt: options.now,
    updatedAt: options.now,
  })) satisfies (typeof letters.$inferInsert)[];

  // The confirmation email goes into the outbox in the same statement as the action and its letters: the worker
  // sends it. One statement is atomic without a transaction's extra round trips. When another request with the same
  // key won the race, nothing is inserted and its answer is returned.
  const confirmation = token && options.confirmationEmail ? options.confirmationEmail({ id, token, input, campaign, alreadyWritten, letters: letterRows }) : undefined;
  const inserted = await rawQuery<{ id: string }>(db, INSERT, [
    ...ACTION_COLUMNS.map(([, key]) => actionRow[key] ?? null),
    confirmation === undefined ? null : JSON.stringify(confirmation),
    JSON.stringify(letterRows.map(toLetterRecord)),
  ]);

  if (inserted.length === 0 && idempotencyKey) {
    const winner = await findByKey(db, idempotencyKey);
    if (winner) return { ...winner, created: false, campaign, alreadyWritten: [] };
  }
  return {
    id,
    status,
    created: true,
    confirmToken: token,
    campaign,
    alreadyWritten,
    letters: letterRows.map((l) => ({ recipientId: l.recipientId, channel: l.channel })),
    input,
  };
}

type TChecks = { existing: { id: string; delivery: string } | null; by_email: number; by_ip: number; written: string[] | null };

/**
 * Everything a submission must know first, in one round trip: an earlier answer for this key ($1), the rate limits
 * (the address $2 and the IP hash $5 since $3, counted only up to their limits $4 and $6: a busy address, a shared
 * proxy say, must not make every request count its whole hour), and the officials this address has already
 * written to by email in campaign $7 (letters confirmed and on their way, or sent).
 */
const CHECKS: TStatement = {
  name: "ul-submit-checks",
  text: `select
  (select json_build_object('id', id, 'delivery', delivery) from actions where idempotency_key = $1) as existing,
  (select count(*)::int from (select 1 from actions where lower(supporter_email) = $2 and created_at >= $3 limit $4) recent) as by_email,
  (select count(*)::int from (select 1 from actions where ip_hash = $5 and created_at >= $3 limit $6) recent) as by_ip,
  (select array_agg(distinct l.recipient_id) from letters l join actions a on a.id = l.action_id
    where l.campaign_slug = $7 and lower(a.supporter_email) = $2 and l.channel = 'email'
      and l.status in ('queued', 'sending', 'sent')) as written`,
};

/** An action as the insert writes it: every column given (JSON columns as text). */
type TActionRecord = { [K in keyof typeof actions.$inferSelect]: K extends "consent" ? string : (typeof actions.$inferSelect)[K] };
/** The action's columns, in the order of the insert's parameters, with the record's field for each. */
const ACTION_COLUMNS = Object.entries(getTableColumns(actions)).map(([key, column]) => [column.name, key as keyof TActionRecord] as const);
/** The letters' columns, as json_populate_recordset reads them: named one by one, since the table's order in the
 * database need not be the schema file's order. */
const LETTER_COLUMNS = Object.values(getTableColumns(letters)).map((column) => column.name);

/** The action (parameters 1…n), its confirmation email for the outbox (n+1, or null) and its letters (n+2, JSON). */
const INSERT: TStatement = {
  name: "ul-submit-insert",
  text: `with new_action as (
  insert into actions (${ACTION_COLUMNS.map(([name]) => name).join(", ")})
  values (${ACTION_COLUMNS.map((_, i) => `$${i + 1}`).join(", ")})
  on conflict (idempotency_key) do nothing
  returning id, created_at
), new_mail as (
  insert into outbox (kind, message, next_attempt_at, created_at)
  select 'confirmation', $${ACTION_COLUMNS.length + 1}::jsonb, created_at, created_at from new_action where $${ACTION_COLUMNS.length + 1}::jsonb is not null
)
insert into letters (${LETTER_COLUMNS.join(", ")})
select ${LETTER_COLUMNS.map((c) => `x.${c}`).join(", ")}
from new_action join json_populate_recordset(null::letters, $${ACTION_COLUMNS.length + 2}::json) x on x.action_id = new_action.id
returning id`,
};

/** A letter as json_populate_recordset reads it: the table's own column names. */
function toLetterRecord(l: {
  id: string;
  actionId: string;
  campaignSlug: string;
  audienceId: string;
  recipientId: string;
  language: string;
  channel: string;
  status: string;
  subject: string;
  body: string;
  page: unknown;
  createdAt: Date;
  updatedAt: Date;
}): Record<string, unknown> {
  return {
    id: l.id,
    action_id: l.actionId,
    campaign_slug: l.campaignSlug,
    audience_id: l.audienceId,
    recipient_id: l.recipientId,
    language: l.language,
    channel: l.channel,
    status: l.status,
    subject: l.subject,
    body: l.body,
    page: l.page,
    attempts: 0,
    created_at: l.createdAt.toISOString(),
    updated_at: l.updatedAt.toISOString(),
  };
}

/** An action a key created, answered as it was first answered (its status then followed from its delivery). */
function answerOf(row: { id: string; delivery: string }) {
  const status: TSubmitResult["status"] = row.delivery === "email" ? "awaiting-confirmation" : "confirmed";
  return { id: row.id, status };
}

async function findByKey(db: TDb, key: string) {
  const [row] = await db.select({ id: actions.id, delivery: actions.delivery }).from(actions).where(eq(actions.idempotencyKey, key));
  return row ? answerOf(row) : undefined;
}
