/**
 * The OpenAPI 3.1 document of the public and partner API (GET /api/v1/openapi.json, and the reference page at
 * /developers), built from the zod schemas the handlers parse their input with and type their answers against.
 *
 * Built with zod 4's own z.toJSONSchema (target draft 2020-12, the JSON Schema dialect of OpenAPI 3.1) rather than
 * @asteasolutions/zod-to-openapi: the schemas need no `.openapi()` extension or registry of another library, the
 * input and output sides of a schema with transforms are each taken as zod itself defines them (`io`), and nothing
 * more is bundled. Every schema becomes one entry of components.schemas, by name; the paths refer to them.
 *
 * The inbound bounce endpoint is here too, tagged for operators: it is the site's own mail relay's, with INBOUND_SECRET.
 */
import "server-only";
import { z } from "zod";
import { ZActionInputBase } from "@/lib/schemas/action-input";
import {
  ZActionAccepted,
  ZActionStatus,
  ZBotChallenge,
  ZBotCheckField,
  ZCampaign,
  ZCampaignList,
  ZCampaignSummary,
  ZInboundBounceAccepted,
  ZLetterDone,
  ZLettersPreview,
  ZProblem,
} from "@/lib/schemas/api-responses";
import { ZLetterInputBase } from "@/lib/schemas/letter-input";
import { WEBHOOK_PAYLOADS, ZPartnerStats, ZWebhookTestPayload } from "@/lib/schemas/partner-api";

type TJson = Record<string, unknown>;

/** Every schema of the document, by its component name, and which side of it the document shows. */
export const DOCUMENT_SCHEMAS = {
  ActionInput: { schema: ZActionInputBase, io: "input" },
  LetterInput: { schema: ZLetterInputBase, io: "input" },
  BotCheck: { schema: ZBotCheckField, io: "input" },
  ActionAccepted: { schema: ZActionAccepted, io: "output" },
  ActionStatus: { schema: ZActionStatus, io: "output" },
  BotChallenge: { schema: ZBotChallenge, io: "output" },
  Campaign: { schema: ZCampaign, io: "output" },
  CampaignSummary: { schema: ZCampaignSummary, io: "output" },
  CampaignList: { schema: ZCampaignList, io: "output" },
  InboundBounceAccepted: { schema: ZInboundBounceAccepted, io: "output" },
  LetterDone: { schema: ZLetterDone, io: "output" },
  LettersPreview: { schema: ZLettersPreview, io: "output" },
  PartnerStats: { schema: ZPartnerStats, io: "output" },
  Problem: { schema: ZProblem, io: "output" },
  WebhookTest: { schema: ZWebhookTestPayload, io: "output" },
  ...Object.fromEntries(Object.entries(WEBHOOK_PAYLOADS).map(([type, schema]) => [webhookComponent(type), { schema, io: "output" }])),
} as Record<string, { schema: z.ZodType; io: "input" | "output" }>;

export function webhookComponent(type: string): string {
  return `Webhook_${type.replace(".", "_")}`;
}

/**
 * One schema as the document holds it: JSON Schema 2020-12. A schema with an id (`.meta({ id })`) inside another is
 * its own component: zod puts it in `$defs`, and its references are pointed at components.schemas instead.
 */
export function jsonSchemaOf(name: string, schema: z.ZodType, io: "input" | "output"): TJson {
  const generated = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as TJson;
  const { $schema: _dialect, $defs, id: _id, ...rest } = generated as TJson & { $defs?: Record<string, TJson> };
  const body = rest.$ref === `#/$defs/${name}` && $defs?.[name] ? $defs[name] : rest;
  for (const nested of Object.keys($defs ?? {})) {
    if (nested !== name && !(nested in DOCUMENT_SCHEMAS)) throw new Error(`the schema ${nested} (inside ${name}) is not a component of the document`);
  }
  return JSON.parse(JSON.stringify(body).replaceAll('"#/$defs/', '"#/components/schemas/')) as TJson;
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (name: string, description: string) => ({ description, content: { "application/json": { schema: ref(name) } } });
const problem = (description: string) => ({ description, content: { "application/problem+json": { schema: ref("Problem") } } });
const retryAfter = { "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" } } };
const pathParam = (name: string, description: string, format?: string) => ({ name, in: "path", required: true, description, schema: { type: "string", ...(format ? { format } : {}) } });

export function buildDocument(serverUrl: string): TJson {
  const schemas = Object.fromEntries(Object.entries(DOCUMENT_SCHEMAS).map(([name, { schema, io }]) => [name, jsonSchemaOf(name, schema, io)]));
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Urgent Letters API",
      version: "1",
      description:
        "The public API the campaign pages use, and the partner API: a partner organisation's server sends its own form's supporters' letters with its API key, reads its own numbers, and receives signed webhooks. Errors are RFC 9457 problem details with one entry per bad field. See docs/partners.md for the partner guide.",
      license: { name: "AGPL-3.0-or-later", identifier: "AGPL-3.0-or-later" },
    },
    servers: [{ url: serverUrl }],
    tags: [
      { name: "Campaigns", description: "The campaigns and their officials" },
      { name: "Letters", description: "Writing and sending letters" },
      { name: "Partners", description: "For partner organisations' servers, with an API key" },
      { name: "Operators", description: "For the site's own mail relay" },
    ],
    paths: {
      "/api/v1/campaigns": {
        get: { tags: ["Campaigns"], summary: "The live campaigns", operationId: "listCampaigns", responses: { "200": json("CampaignList", "The live campaigns, newest last") } },
      },
      "/api/v1/campaigns/{slug}": {
        get: {
          tags: ["Campaigns"],
          summary: "A campaign with its audiences and officials",
          operationId: "getCampaign",
          parameters: [pathParam("slug", "The campaign's slug")],
          responses: { "200": json("Campaign", "The campaign (a closed one too)"), "404": problem("No such campaign") },
        },
      },
      "/api/v1/bot-check": {
        get: { tags: ["Letters"], summary: "A bot-check challenge for one submission", operationId: "getBotCheck", responses: { "200": json("BotChallenge", "A new challenge") } },
      },
      "/api/v1/letters/preview": {
        post: {
          tags: ["Letters"],
          summary: "The letters a supporter's input makes (nothing is stored)",
          operationId: "previewLetters",
          requestBody: { required: true, content: { "application/json": { schema: ref("LetterInput") } } },
          responses: {
            "200": {
              description: "The letters as JSON, or with `Accept: application/pdf` their print-ready PDF",
              content: { "application/json": { schema: ref("LettersPreview") }, "application/pdf": { schema: { type: "string", contentMediaType: "application/pdf" } } },
            },
            "409": problem("The campaign is closed"),
            "422": problem("A field is not valid"),
            "429": { ...problem("Too many PDF previews from this address"), headers: retryAfter },
          },
        },
      },
      "/api/v1/actions": {
        post: {
          tags: ["Letters", "Partners"],
          summary: "Send a supporter's letters",
          description:
            "A supporter's browser sends a solved `botCheck`. A partner's server sends `Authorization: Bearer <key>` instead: the action is attributed to the partner, rate limits count per key (not per IP), and `partnerConsent` (the sentence the supporter ticked on the partner's form) is recorded. The supporter still confirms letters by email.",
          operationId: "createAction",
          security: [{}, { partnerKey: [] }],
          parameters: [{ name: "Idempotency-Key", in: "header", required: false, description: "The same key and body answer the same and create nothing new", schema: { type: "string", maxLength: 200 } }],
          requestBody: { required: true, content: { "application/json": { schema: { allOf: [ref("ActionInput"), { type: "object", properties: { botCheck: ref("BotCheck") } }] } } } },
          responses: {
            "202": json("ActionAccepted", "The action was written"),
            "401": problem("The API key is not valid (code auth.invalidKey)"),
            "403": problem("An API key sent from a browser (code auth.browserOrigin)"),
            "409": problem("The campaign is closed"),
            "422": problem("A field, or the bot check, is not valid"),
            "429": { ...problem("Too many submissions: per key for a partner, per address and mailbox otherwise"), headers: retryAfter },
          },
        },
      },
      "/api/v1/actions/{id}": {
        get: {
          tags: ["Letters"],
          summary: "Where an action's letters are",
          operationId: "getAction",
          parameters: [pathParam("id", "The action's id", "uuid")],
          responses: { "200": json("ActionStatus", "The action and its letters"), "404": problem("No such action") },
        },
      },
      "/api/v1/actions/{id}/letters/{letterId}/done": {
        post: {
          tags: ["Letters"],
          summary: "The supporter posted a letter or sent it from their own mail app",
          operationId: "markLetterDone",
          parameters: [pathParam("id", "The action's id", "uuid"), pathParam("letterId", "The letter's id", "uuid")],
          responses: { "200": json("LetterDone", "Counted"), "404": problem("No such letter waiting to be posted or sent") },
        },
      },
      "/api/v1/actions/{id}/letters/{letterId}/pdf": {
        get: {
          tags: ["Letters"],
          summary: "A letter's print-ready PDF",
          operationId: "getLetterPdf",
          parameters: [pathParam("id", "The action's id", "uuid"), pathParam("letterId", "The letter's id", "uuid")],
          responses: { "200": { description: "The PDF", content: { "application/pdf": { schema: { type: "string", contentMediaType: "application/pdf" } } } }, "404": problem("No such letter") },
        },
      },
      "/api/v1/partners/me/stats": {
        get: {
          tags: ["Partners"],
          summary: "The calling partner's own numbers",
          operationId: "getPartnerStats",
          security: [{ partnerKey: [] }],
          responses: {
            "200": json("PartnerStats", "Counts per campaign; no supporter's data"),
            "401": problem("No API key, or not a valid one (code auth.invalidKey)"),
            "403": problem("An API key sent from a browser (code auth.browserOrigin)"),
            "429": { ...problem("Too many requests with this key this minute"), headers: retryAfter },
          },
        },
      },
      "/api/v1/inbound/bounces": {
        post: {
          tags: ["Operators"],
          summary: "A bounce or automatic reply forwarded as raw MIME",
          description:
            "For mail providers that forward bounces over HTTP instead of to `npm run inbound`. The body is the message as received (message/rfc822 or text/plain, at most 10 MB); `?to=` may repeat the envelope recipients (the VERP return path). Answers 404 while INBOUND_SECRET is unset.",
          operationId: "receiveBounce",
          security: [{ inboundSecret: [] }],
          requestBody: { required: true, content: { "message/rfc822": { schema: { type: "string" } }, "text/plain": { schema: { type: "string" } } } },
          responses: {
            "202": json("InboundBounceAccepted", "Read, and matched to the letters it names"),
            "401": problem("Not the inbound secret"),
            "404": problem("Inbound bounces are not set up (INBOUND_SECRET unset)"),
            "413": problem("Larger than 10 MB"),
            "415": problem("Not message/rfc822 or text/plain"),
          },
        },
      },
      "/api/v1/openapi.json": {
        get: { tags: ["Partners"], summary: "This document", operationId: "getOpenApi", responses: { "200": { description: "OpenAPI 3.1", content: { "application/json": { schema: { type: "object" } } } } } },
      },
    },
    webhooks: Object.fromEntries(
      [...Object.keys(WEBHOOK_PAYLOADS), "test"].map((type) => [
        type,
        {
          post: {
            tags: ["Partners"],
            summary: type === "test" ? "A test event (the admin's \"Send test event\")" : (WEBHOOK_PAYLOADS[type as keyof typeof WEBHOOK_PAYLOADS].meta()?.description ?? type),
            description:
              "Signed per the Standard Webhooks spec: verify `webhook-signature` with your endpoint's `whsec_` secret over `webhook-id`, `webhook-timestamp` and the raw body (docs/partners.md). Answer 2xx within 10 s; anything else is retried with back-off for 24 hours.",
            parameters: [
              { name: "webhook-id", in: "header", required: true, description: "The message's id: the same on every retry, for deduplication", schema: { type: "string" } },
              { name: "webhook-timestamp", in: "header", required: true, description: "Seconds since 1970 when it was signed", schema: { type: "string" } },
              { name: "webhook-signature", in: "header", required: true, description: "`v1,<base64 HMAC-SHA256>`", schema: { type: "string" } },
            ],
            requestBody: { required: true, content: { "application/json": { schema: ref(type === "test" ? "WebhookTest" : webhookComponent(type)) } } },
            responses: { "200": { description: "Received (any 2xx)" } },
          },
        },
      ]),
    ),
    components: {
      schemas,
      securitySchemes: {
        inboundSecret: { type: "http", scheme: "bearer", description: "INBOUND_SECRET, the site's own setting; never given to partners." },
        partnerKey: { type: "http", scheme: "bearer", description: "A partner API key (`ul_live_…`), made by the site's owner in the admin. Server to server only: a request with an Origin header is refused." },
      },
    },
  };
}
