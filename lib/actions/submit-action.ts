/**
 * A supporter presses Send: the action and one letter per chosen official, with the text frozen, are written in one
 * transaction. Letters by email wait for the supporter's confirmation; letters to print or to send from the
 * supporter's own mail app wait for them to say they did it.
 */
import { and, eq, gte, inArray, notInArray, sql } from "drizzle-orm";
import type { z } from "zod";
import type { TCampaignView } from "@/lib/campaigns/get-campaign";
import type { TDb } from "@/lib/db/open";
import { actions, letters } from "@/lib/db/schema";
import { AppError } from "@/lib/errors/app-error";
import { composeLetters, letterDocument } from "@/lib/letters/compose-letters";
import { getLetterContext } from "@/lib/letters/letter-context";
import { campaignRules, fieldErrors } from "@/lib/letters/preview-letters";
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
};

export async function parseActionInput(db: TDb, body: unknown): Promise<{ campaign: TCampaignView; input: TActionInput }> {
  const slug = typeof body === "object" && body !== null && "campaign" in body ? (body as { campaign: unknown }).campaign : undefined;
  const campaign = typeof slug === "string" && slug.length <= 100 ? (await getLetterContext(db, slug))?.campaign : undefined;
  if (!campaign || campaign.status === "closed") {
    const base = ZActionInputBase.safeParse(body);
    throw new AppError("INVALID_INPUT", "Your letters could not be sent: please check the fields listed.", [
      { path: "campaign", message: CATALOGS.en.validation.campaign },
      ...(base.success ? [] : fieldErrors(base.error as z.ZodError).filter((e) => e.path !== "campaign")),
    ]);
  }
  const parsed = actionInputSchemaFor(campaignRules(campaign)).safeParse(body);
  if (!parsed.success) {
    throw new AppError("INVALID_INPUT", "Your letters could not be sent: please check the fields listed.", fieldErrors(parsed.error));
  }
  return { campaign, input: parsed.data };
}

/** The channel of one letter: the chosen delivery when the official accepts email, otherwise post. */
export function channelFor(delivery: TActionInput["delivery"], channels: readonly ("email" | "post")[]): "email" | "mailto" | "post" {
  if (delivery !== "post" && channels.includes("email")) return delivery;
  return "post";
}

export async function submitAction(
  db: TDb,
  body: unknown,
  options: { idempotencyKey?: string; ipHash?: string; partner?: string; now: Date; rateLimits?: TRateLimits },
): Promise<TSubmitResult> {
  const { campaign, input } = await parseActionInput(db, body);
  const email = input.supporter.email.toLowerCase();

  if (options.idempotencyKey) {
    const existing = await findByKey(db, options.idempotencyKey);
    if (existing) return { ...existing, created: false, campaign, alreadyWritten: [] };
  }
  await checkRateLimits(db, email, options.ipHash, options.now, options.rateLimits ?? DEFAULT_RATE_LIMITS);

  const recipients = new Map(campaign.audiences.flatMap((a) => a.recipients.map((r) => [r.id, r] as const)));
  if (input.delivery !== "post" && !input.recipients.some((id) => recipients.get(id)?.channels.includes("email"))) {
    throw new AppError("INVALID_INPUT", "None of the chosen officials can be reached this way.", [
      { path: "delivery", message: CATALOGS.en.validation.deliveryUnavailable },
    ]);
  }

  // One letter per official per campaign from one email address: a repeat is skipped, and only the address's
  // owner is told (in the confirmation email), so the answer reveals nothing about who has written.
  const previous = await db
    .selectDistinct({ recipientId: letters.recipientId })
    .from(letters)
    .innerJoin(actions, eq(actions.id, letters.actionId))
    .where(
      and(
        eq(letters.campaignSlug, campaign.slug),
        sql`lower(${actions.supporterEmail}) = ${email}`,
        inArray(letters.recipientId, input.recipients),
        notInArray(letters.status, ["cancelled", "failed"]),
        notInArray(actions.status, ["expired"]),
      ),
    );
  const alreadyWritten = previous.map((p) => p.recipientId);
  const fresh = { ...input, recipients: input.recipients.filter((id) => !alreadyWritten.includes(id)) };

  const templates = (await getLetterContext(db, campaign.slug))?.templates ?? [];
  const composed = fresh.recipients.length ? composeLetters(campaign, templates, fresh, options.now) : [];
  const document = letterDocument(campaign, fresh, composed, options.now);
  const needsConfirmation = input.delivery === "email";
  const token = needsConfirmation ? newToken() : undefined;

  const result = await db.transaction(async (tx) => {
    const inserted = await tx
      .insert(actions)
      .values({
        campaignSlug: campaign.slug,
        status: needsConfirmation ? "awaiting-confirmation" : "confirmed",
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
        idempotencyKey: options.idempotencyKey ?? null,
        confirmTokenHash: token ? hashToken(token) : null,
        confirmExpiresAt: token ? new Date(options.now.getTime() + CONFIRM_TTL_MS) : null,
        confirmedAt: needsConfirmation ? null : options.now,
        ipHash: options.ipHash ?? null,
        createdAt: options.now,
        updatedAt: options.now,
      })
      .onConflictDoNothing({ target: actions.idempotencyKey })
      .returning({ id: actions.id, status: actions.status });
    const action = inserted[0];
    // Two requests with the same key at the same moment: the other one won; answer what it answered.
    if (!action) return undefined;
    if (composed.length) {
      await tx.insert(letters).values(
        composed.map((letter, i) => ({
          actionId: action.id,
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
        })),
      );
    }
    return { id: action.id, status: action.status as TSubmitResult["status"] };
  });

  if (!result) {
    const winner = await findByKey(db, options.idempotencyKey!);
    return { ...winner!, created: false, campaign, alreadyWritten: [] };
  }
  return { ...result, created: true, confirmToken: token, campaign, alreadyWritten };
}

/** The action a key created, answered as it was first answered (its status then followed from its delivery). */
async function findByKey(db: TDb, key: string) {
  const [row] = await db.select({ id: actions.id, delivery: actions.delivery }).from(actions).where(eq(actions.idempotencyKey, key));
  if (!row) return undefined;
  const status: TSubmitResult["status"] = row.delivery === "email" ? "awaiting-confirmation" : "confirmed";
  return { id: row.id, status };
}

async function checkRateLimits(db: TDb, email: string, ipHash: string | undefined, now: Date, limits: TRateLimits) {
  const since = new Date(now.getTime() - 60 * 60 * 1000);
  const [byEmail] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(actions)
    .where(and(sql`lower(${actions.supporterEmail}) = ${email}`, gte(actions.createdAt, since)));
  const [byIp] = ipHash
    ? await db.select({ n: sql<number>`count(*)::int` }).from(actions).where(and(eq(actions.ipHash, ipHash), gte(actions.createdAt, since)))
    : [{ n: 0 }];
  if ((byEmail?.n ?? 0) >= limits.perEmailPerHour || (byIp?.n ?? 0) >= limits.perIpPerHour) {
    throw new AppError("TOO_MANY_REQUESTS", "Too many letters were sent from here in the last hour. Please try again later.");
  }
}
