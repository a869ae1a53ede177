/**
 * What the public API answers, one zod schema per answer. The handlers' answers are typed against them
 * (`satisfies`), lib/openapi/build-document.ts turns them into the OpenAPI document, and e2e/api/openapi.spec.ts
 * checks real answers against them: the document cannot say one thing while a handler sends another.
 */
import { z } from "zod";
import { LANGUAGES } from "@/lib/i18n/languages";

const ZLanguage = z.enum(LANGUAGES);
const ZLatestUpdate = z.object({ date: z.string(), text: z.string(), source: z.string() }).nullable();

export const ZCampaignSummary = z
  .object({
    slug: z.string(),
    title: z.string(),
    status: z.enum(["draft", "live", "paused", "closed"]),
    languages: z.array(ZLanguage),
    counters: z.object({ letters: z.number().int().min(0) }),
    asOf: z.string().nullable().describe("The day the case status was last checked"),
    latestUpdate: ZLatestUpdate,
  })
  .meta({ id: "CampaignSummary" });

export const ZCampaignList = z.array(ZCampaignSummary).meta({ id: "CampaignList" });

export const ZCampaign = z
  .object({
    slug: z.string(),
    title: z.string(),
    summary: z.string(),
    status: z.enum(["draft", "live", "paused", "closed"]),
    languages: z.array(ZLanguage),
    asOf: z.string().nullable(),
    latestUpdate: ZLatestUpdate,
    caseStatus: z.object({ asOf: z.string(), text: z.string() }).nullable(),
    audiences: z.array(
      z.object({
        id: z.string(),
        title: z.string(),
        recipients: z.array(
          z.object({ id: z.string(), name: z.string().nullable().describe("Null for an office addressed by its title"), kind: z.string().nullable(), role: z.string(), organisation: z.string(), country: z.string(), channels: z.array(z.enum(["email", "post"])) }),
        ),
      }),
    ),
  })
  .meta({ id: "Campaign" });

export const ZActionAccepted = z
  .object({ id: z.uuid(), status: z.enum(["awaiting-confirmation", "confirmed"]) })
  .meta({ id: "ActionAccepted", description: "The action was written; letters by email wait for the supporter's confirmation link." });

export const ZActionStatus = z
  .object({
    id: z.uuid(),
    status: z.enum(["awaiting-confirmation", "confirmed", "expired"]),
    letters: z.array(
      z.object({
        id: z.uuid(),
        recipientId: z.string(),
        channel: z.enum(["email", "mailto", "post"]),
        status: z.string(),
        reason: z.literal("already-written").optional(),
      }),
    ),
  })
  .meta({ id: "ActionStatus" });

export const ZLetterDone = z.object({ ok: z.literal(true) }).meta({ id: "LetterDone" });

export const ZLettersPreview = z
  .object({ letters: z.array(z.object({ recipientId: z.string(), language: z.string(), subject: z.string(), text: z.string() })) })
  .meta({ id: "LettersPreview" });

export const ZBotChallenge = z
  .object({
    parameters: z.object({
      algorithm: z.string(),
      nonce: z.string(),
      salt: z.string(),
      cost: z.number(),
      keyLength: z.number(),
      keyPrefix: z.string(),
      keySignature: z.string().optional(),
      expiresAt: z.number().optional(),
    }),
    signature: z.string().optional(),
  })
  .meta({ id: "BotChallenge", description: "An ALTCHA v2 proof-of-work challenge: solve it and send {challenge, solution} as `botCheck`." });

export const ZProblem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    errors: z.array(z.object({ path: z.string(), code: z.string().optional(), message: z.string() })),
  })
  .meta({ id: "Problem", description: "RFC 9457 problem details, with one entry per bad field (its path, a code and a message)." });

/** The `botCheck` field of a supporter's submission (not needed with a partner's key). */
export const ZBotCheckField = z
  .object({ challenge: ZBotChallenge, solution: z.object({ counter: z.number().int(), derivedKey: z.string(), time: z.number().optional() }) })
  .meta({ id: "BotCheck" });

/** POST /api/v1/inbound/bounces (for the site's mail relay, with INBOUND_SECRET): what the message was read as. */
export const ZInboundBounceAccepted = z
  .object({
    kind: z.enum(["hard", "soft", "auto-reply", "other"]),
    status: z.string().nullable(),
    summary: z.string(),
    letters: z.array(z.string()),
    bounced: z.number().int(),
    matchedBy: z.enum(["return-path", "message-id", "none"]),
  })
  .meta({ id: "InboundBounceAccepted", description: "The bounce or automatic reply was read; `bounced` letters were marked, soft ones noted." });
