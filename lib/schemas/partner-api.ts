/**
 * The partner API's and the webhooks' shapes: one schema each, used by the handlers (to parse what comes in and to
 * type what goes out), by the admin's forms, and by lib/openapi/build-document.ts for the OpenAPI document.
 */
import { z } from "zod";
import { WEBHOOK_EVENTS } from "@/lib/db/schema";

const ZCounts = z.object({
  actions: z.number().int().min(0).describe("Actions attributed to the partner"),
  confirmed: z.number().int().min(0).describe("Of those, confirmed by the supporter (by email, or sent by print or their own mail app)"),
  letters: z.object({
    sent: z.number().int().min(0).describe("Letters the relay accepted for the official"),
    queued: z.number().int().min(0).describe("Letters confirmed and waiting to be sent"),
    posted: z.number().int().min(0).describe("Letters the supporter said they posted"),
  }),
});

export const ZPartnerStats = z
  .object({
    partner: z.string().describe("The partner's code"),
    asOf: z.iso.datetime(),
    totals: ZCounts,
    campaigns: z.array(ZCounts.extend({ campaign: z.string().describe("The campaign's slug") })),
  })
  .meta({ id: "PartnerStats", description: "A partner's own numbers. Counts only: no supporter's data." });
export type TPartnerStats = z.output<typeof ZPartnerStats>;

/** The admin's form for a new key. */
export const ZApiKeyCreate = z.strictObject({
  name: z.string({ message: "give the key a name" }).trim().min(1, { message: "give the key a name" }).max(100, { message: "at most 100 characters" }),
});

export const ZWebhookEvent = z.enum(WEBHOOK_EVENTS);

/** The admin's form for a new endpoint. */
export const ZWebhookEndpointCreate = z.strictObject({
  url: z.string({ message: "enter the receiver's URL" }).trim().min(1, { message: "enter the receiver's URL" }).max(2000, { message: "at most 2000 characters" }),
  events: z.array(ZWebhookEvent, { message: "choose the events to send" }).min(1, { message: "choose at least one event" }),
});

// The webhooks' payloads (Standard Webhooks: `{type, timestamp, data}`), one schema per event.

const ZSupporterIfConsented = z
  .object({ name: z.string(), email: z.string().nullable() })
  .optional()
  .describe("Only when the supporter ticked consent for this partner on its form; otherwise absent");

export const ZWebhookAction = z.object({
  id: z.uuid(),
  campaign: z.string(),
  status: z.enum(["awaiting-confirmation", "confirmed", "expired"]),
  delivery: z.enum(["email", "mailto", "post"]),
  createdAt: z.iso.datetime(),
  confirmedAt: z.iso.datetime().nullable(),
  letters: z.array(z.object({ id: z.uuid(), recipientId: z.string(), channel: z.enum(["email", "mailto", "post"]), status: z.string() })),
  supporter: ZSupporterIfConsented,
});

export const ZWebhookLetter = z.object({
  id: z.uuid(),
  actionId: z.uuid(),
  campaign: z.string(),
  recipientId: z.string(),
  channel: z.enum(["email", "mailto", "post"]),
  status: z.string(),
  sentAt: z.iso.datetime().nullable(),
});

export const ZWebhookCampaign = z.object({
  slug: z.string(),
  status: z.string(),
  title: z.string().describe("The campaign's title in English"),
  url: z.url().describe("The campaign's page"),
  updatedAt: z.iso.datetime(),
});

const envelope = <T extends string, D extends z.ZodType>(type: T, data: D, description: string) =>
  z.object({ type: z.literal(type), timestamp: z.iso.datetime(), data }).meta({ id: `Webhook_${type.replace(".", "_")}`, description });

export const WEBHOOK_PAYLOADS = {
  "action.confirmed": envelope("action.confirmed", z.object({ action: ZWebhookAction }), "A supporter who used the partner's form confirmed their action."),
  "letter.sent": envelope("letter.sent", z.object({ letter: ZWebhookLetter, supporter: ZSupporterIfConsented }), "The relay accepted one of those supporters' letters for its official."),
  "letter.bounced": envelope(
    "letter.bounced",
    z.object({ letter: ZWebhookLetter, reason: z.string().describe("The bounce's reason as the official's server gave it"), supporter: ZSupporterIfConsented }),
    "A letter that was sent came back undelivered.",
  ),
  "campaign.updated": envelope(
    "campaign.updated",
    z.object({ campaign: ZWebhookCampaign, update: z.object({ date: z.string(), text: z.string(), source: z.string() }).optional() }),
    "A campaign the partner can embed has news (a case update).",
  ),
  "campaign.closed": envelope("campaign.closed", z.object({ campaign: ZWebhookCampaign }), "A campaign was closed: it takes no more letters."),
} as const;

export const ZWebhookTestPayload = z.object({ type: z.literal("test"), timestamp: z.iso.datetime(), data: z.object({ message: z.string() }) });

export type TWebhookPayloads = { [K in keyof typeof WEBHOOK_PAYLOADS]: z.output<(typeof WEBHOOK_PAYLOADS)[K]> };
export type TWebhookData = { [K in keyof TWebhookPayloads]: TWebhookPayloads[K]["data"] };
