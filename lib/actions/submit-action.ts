/**
 * A supporter presses Send: the action and one letter per chosen official, with the text frozen, are written in one
 * transaction. Letters by email wait for the supporter's confirmation; letters to print or to send from the
 * supporter's own mail app wait for them to say they did it.
 */
import { randomUUID } from "node:crypto";
import { eq, getTableColumns, sql } from "drizzle-orm";
import type { TCampaignView } from "@/lib/campaigns/get-campaign";
import type { TDb } from "@/lib/db/open";
import { actions, letters, outbox } from "@/lib/db/schema";
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
  // limits, and the officials this address has already written to in this campaign.
  const limits = options.rateLimits ?? DEFAULT_RATE_LIMITS;
  // A key only means something together with the address it was used for: someone reusing another supporter's key
  // must get a new action, never theirs.
  const idempotencyKey = options.idempotencyKey ? `${hashToken(email).slice(0, 16)}:${options.idempotencyKey}` : undefined;
  const since = new Date(options.now.getTime() - 60 * 60 * 1000);
  type TChecks = { existing: { id: string; delivery: string } | null; by_email: number; by_ip: number; written: string[] | null };
  // node-postgres and PGlite both answer raw queries with { rows }.
  const checks = (await db.execute(sql`
    select
      (select json_build_object('id', id, 'delivery', delivery) from ${actions}
        where ${actions.idempotencyKey} = ${idempotencyKey ?? null}) as existing,
      (select count(*)::int from ${actions} where lower(${actions.supporterEmail}) = ${email} and ${actions.createdAt} >= ${since}) as by_email,
      (select count(*)::int from ${actions} where ${actions.ipHash} = ${options.ipHash ?? null} and ${actions.createdAt} >= ${since}) as by_ip,
      (select array_agg(distinct ${letters.recipientId}) from ${letters} join ${actions} on ${actions.id} = ${letters.actionId}
        where ${letters.campaignSlug} = ${campaign.slug} and lower(${actions.supporterEmail}) = ${email}
          and ${letters.channel} = 'email' and ${letters.status} in ${WRITTEN_STATUSES}) as written`)) as unknown as { rows: TChecks[] };
  const check = checks.rows[0]!;
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

  const actionRow = {
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
    consent: input.consent ?? {},
    partner: options.partner ?? null,
    idempotencyKey: idempotencyKey ?? null,
    confirmTokenHash: token ? hashToken(token) : null,
    confirmExpiresAt: token ? new Date(options.now.getTime() + CONFIRM_TTL_MS) : null,
    confirmedAt: needsConfirmation ? null : options.now,
    ipHash: options.ipHash ?? null,
    createdAt: options.now,
    updatedAt: options.now,
  } satisfies typeof actions.$inferInsert;
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

  // The action and its letters in one statement: atomic without a transaction's extra round trips. When another
  // request with the same key won the race, nothing is inserted and its answer is returned.
  const insertAction = db.$with("new_action").as(
    db.insert(actions).values(actionRow).onConflictDoNothing({ target: actions.idempotencyKey }).returning({ id: actions.id }),
  );
  // The confirmation email goes into the outbox in the same statement: the worker sends it.
  const confirmation = token && options.confirmationEmail ? options.confirmationEmail({ id, token, input, campaign, alreadyWritten, letters: letterRows }) : undefined;
  const insertMail = db.$with("new_mail").as(
    db
      .insert(outbox)
      .select(sql`select gen_random_uuid(), 'confirmation', ${JSON.stringify(confirmation ?? null)}::jsonb, 0, ${options.now}, null, null, ${options.now} from ${insertAction} where ${confirmation !== undefined}`)
      .returning({ id: outbox.id }),
  );
  const inserted = await db
    .with(insertAction, insertMail)
    .insert(letters)
    .select(
      // Columns named one by one: the table's order in the database need not be the schema file's order.
      sql`select ${sql.join(
        LETTER_COLUMNS.map((c) => sql.raw(`x.${c}`)),
        sql`, `,
      )} from ${insertAction} join json_populate_recordset(null::letters, ${JSON.stringify(letterRows.map(toLetterRecord))}::json) x on x.action_id = ${insertAction}.id`,
    )
    .returning({ id: letters.id });

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

/** The columns a submission writes, in the order the insert lists them (Drizzle's order of the schema). */
const LETTER_COLUMNS = Object.values(getTableColumns(letters)).map((column) => column.name);

/** Letters by email that count as written: confirmed and on their way, or sent. */
const WRITTEN_STATUSES = sql`('queued', 'sending', 'sent')`;

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
