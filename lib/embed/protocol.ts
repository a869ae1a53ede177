/**
 * The embed's message protocol, typed once: what the frame (/embed/[slug]) and the loader (public/embed.js, built
 * from lib/embed/loader.ts) say to each other through postMessage. Both sides check every message they receive.
 *
 * The handshake: the loader posts `hello` (with a random id of its own for that frame) to the app's origin, the
 * only origin it trusts (it takes it from its own script address), every time the frame has loaded a page. The
 * frame accepts `hello` only from its parent window and only from an origin on the partner's list (which the server
 * wrote into the page, never what the parent says), then posts to that exact origin, never to `*`. The loader
 * accepts a message only from the app's origin, only from the window of the frame it made, only with that frame's
 * id, and only in one of the shapes below.
 *
 * One source, two checks: FRAME_EVENTS below is plain data. The zod schemas (frameMessageSchema, helloSchema) are
 * built from it, and so are the hand checks the browser runs (isFrameMessage, isHelloMessage: a few lines each).
 * The browser side cannot carry zod: the loader must stay under 1 KB gzipped, and zod's smallest build (23 KB
 * gzipped) would take the frame's page over its 150 KB. lib/embed/protocol.test.ts runs the zod schemas and the hand
 * checks over the same good and bad messages, so the two cannot disagree; the frame checks what it sends with
 * isFrameMessage too, and the loader and the frame each check everything they receive.
 *
 * No event carries personal data: ids, counts, names of steps, the campaign and the language.
 */
// zod's mini build: the frame's page carries it at load, and it weighs a fraction of the full one.
import * as z from "zod/mini";

/** Marks this protocol's messages among whatever else a partner page posts around. */
export const PROTOCOL = "urgent-letters/1";

/** The steps of the form a `step` event names, in order: the composer's four, then the result page. */
export const EMBED_STEPS = ["details", "recipients", "letter", "preview", "send", "result"] as const;
export type TEmbedStep = (typeof EMBED_STEPS)[number];

/** The ways of sending, as `submitted` names them. */
export const EMBED_DELIVERIES = ["email", "mailto", "post"] as const;

/** A field's kind: a short string, a number of 0 or more, or one of a list. */
type TFieldKind = "string" | "count" | readonly string[];

/**
 * The events the frame sends, each dispatched on the container element as `urgent-letters:<name>` with this
 * `detail` (and bubbling). One line of documentation each; docs/partners.md repeats them for partners.
 */
export const FRAME_EVENTS = {
  /** The form is shown and the handshake is done: which campaign, in which language. */
  ready: { campaign: "string", language: "string" },
  /** The frame's content changed height (the loader has already resized the iframe to it), in CSS pixels. */
  resize: { height: "count" },
  /** The supporter moved to another step of the form. */
  step: { step: EMBED_STEPS },
  /** The letters were sent: the action's id (no personal data), how they go and how many letters there are. */
  submitted: { actionId: "string", delivery: EMBED_DELIVERIES, letters: "count" },
  /** Something kept the form from working (the campaign is closed or unknown, say); a sentence in English. */
  error: { message: "string" },
} as const satisfies Record<string, Record<string, TFieldKind>>;

export type TFrameEventName = keyof typeof FRAME_EVENTS;
type TValueOf<K> = K extends "string" ? string : K extends "count" ? number : K extends readonly (infer V)[] ? V : never;
export type TFrameEventDetail<N extends TFrameEventName> = { -readonly [F in keyof (typeof FRAME_EVENTS)[N]]: TValueOf<(typeof FRAME_EVENTS)[N][F]> };
export type TFrameEventMap = { [N in TFrameEventName]: TFrameEventDetail<N> };

/** A message from the frame to the loader. */
export type TFrameMessage = { [N in TFrameEventName]: { protocol: typeof PROTOCOL; id: string; type: N; detail: TFrameEventDetail<N> } }[TFrameEventName];
/** The loader's only message: "here I am", with the id the frame must put on every message back. */
export type THelloMessage = { protocol: typeof PROTOCOL; type: "hello"; id: string };

/** The frame id the loader makes: 16 to 64 letters, digits, - or _. */
const ID = /^[\w-]{16,64}$/;
const STRING_MAX = 200;

function zodOf(kind: TFieldKind) {
  if (kind === "string") return z.string().check(z.maxLength(STRING_MAX));
  if (kind === "count") return z.int().check(z.nonnegative(), z.maximum(1_000_000));
  return z.enum(kind as [string, ...string[]]);
}

/** The zod schema of one event's message (the frame parses what it sends with it). */
function messageSchema<N extends TFrameEventName>(name: N) {
  const fields = FRAME_EVENTS[name] as Record<string, TFieldKind>;
  return z.strictObject({
    protocol: z.literal(PROTOCOL),
    id: z.string().check(z.regex(ID)),
    type: z.literal(name),
    detail: z.strictObject(Object.fromEntries(Object.entries(fields).map(([field, kind]) => [field, zodOf(kind)]))),
  });
}

/**
 * Every message the frame may send, as one zod schema. Built on first use, not at import: the loader imports this
 * module too, and a schema built at the top would pull zod into its kilobyte.
 */
export function frameMessageSchema() {
  return (cache.frame ??= z.discriminatedUnion(
    "type",
    (Object.keys(FRAME_EVENTS) as TFrameEventName[]).map((name) => messageSchema(name)) as unknown as [ReturnType<typeof messageSchema>],
  ) as unknown as z.ZodMiniType<TFrameMessage>);
}

/** The loader's hello, as the frame parses it. */
export function helloSchema() {
  return (cache.hello ??= z.strictObject({ protocol: z.literal(PROTOCOL), type: z.literal("hello"), id: z.string().check(z.regex(ID)) }));
}

const cache: { frame?: z.ZodMiniType<TFrameMessage>; hello?: z.ZodMiniType<THelloMessage> } = {};

/** The frame's check of the loader's hello (the same shape as helloSchema, without zod: see the top of this file). */
export function isHelloMessage(data: unknown): data is THelloMessage {
  const m = data as Partial<THelloMessage> | null;
  return !!m && typeof m === "object" && Object.keys(m).length === 3 && m.protocol === PROTOCOL && m.type === "hello" && typeof m.id === "string" && ID.test(m.id);
}

/**
 * The loader's check of a message from a frame: the same shapes as ZFrameMessage, without zod (see the top of this
 * file). `id` is the id the loader gave that frame.
 */
export function isFrameMessage(data: unknown, id: string): data is TFrameMessage {
  const m = data as { protocol?: unknown; id?: unknown; type?: unknown; detail?: Record<string, unknown> } | null;
  if (!m || m.protocol !== PROTOCOL || m.id !== id || typeof m.type !== "string" || !Object.hasOwn(FRAME_EVENTS, m.type)) return false;
  const fields = FRAME_EVENTS[m.type as TFrameEventName] as Record<string, TFieldKind>;
  const detail = m.detail;
  if (!detail || typeof detail !== "object" || Object.keys(m).length !== 4 || Object.keys(detail).length !== Object.keys(fields).length) return false;
  return Object.keys(fields).every((field) => {
    const kind = fields[field]!;
    const value = detail[field];
    if (kind === "string") return typeof value === "string" && value.length <= STRING_MAX;
    if (kind === "count") return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 1_000_000;
    return kind.includes(value as string);
  });
}
