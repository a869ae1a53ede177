/**
 * Sending one claimed letter, or one digest, and recording the outcome. The PDF is rendered from the page frozen
 * at submission (letters.page), so what the official receives is exactly what the supporter previewed.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import type { TDb } from "@/lib/db/open";
import type { actions, recipients } from "@/lib/db/schema";
import type { TLetterDocument } from "@/lib/letters/types";
import type { TMailTransport } from "@/lib/mail/transport";
import { nextRetry } from "./backoff";
import { buildDigestMessage } from "./build-digest-message";
import { buildLetterMessage, letterMessageId, signatureOf } from "./build-letter-message";
import type { TClaimedLetter } from "./claim-letters";
import type { TLockKeeper } from "./keep-locks";
import { clearHardFailures, markFailed, markPutBack, markRetry, markSent, recordHardFailure } from "./letter-outcomes";
import type { TMessageSettings } from "./message-parts";
import { endRefusalRun, noteRefusal } from "./note-refusal";
import { pauseRelay } from "./pause-relay";
import { classifySendError } from "./send-errors";

export type TPdfRenderer = (document: TLetterDocument) => Promise<Buffer>;

export type TSendCounts = {
  /** Letters sent one by one. */
  sent: number;
  /** Letters back in the queue after a temporary failure. */
  retried: number;
  failed: number;
  /** Letters put back for later by pacing (or because the pass stopped early). */
  deferred: number;
  /** Letters sent inside a digest. */
  digested: number;
};

export type TAction = typeof actions.$inferSelect;
export type TRecipient = typeof recipients.$inferSelect;
export type TLetterJob = { kind: "letter"; letter: TClaimedLetter; action: TAction; recipient: TRecipient };
export type TDigestJob = { kind: "digest"; entries: { letter: TClaimedLetter; action: TAction }[]; recipient: TRecipient };
export type TJob = TLetterJob | TDigestJob;

export type TDeliveryContext = {
  db: TDb;
  transport: TMailTransport;
  now: () => Date;
  random: () => number;
  settings: TMessageSettings;
  renderPdf: TPdfRenderer;
  /** The lock on this pass's letters, renewed while it works: every update is guarded with its current value. */
  locks: TLockKeeper;
  counts: TSendCounts;
  log: (message: string) => void;
  /** Set when the relay or network is down: jobs not started yet go back to the queue untouched. */
  stopped: boolean;
  /** A run of identical 5xx refusals may be open (note-refusal.ts): a delivery must end it. */
  refusalRun: boolean;
  /** Letters this pass failed on a 5xx, which a run may yet put back (for the counts). */
  refused: Set<string>;
};

/**
 * Adds what an update changed to the pass's counts. Written as a read after the await: `counts.x += await y` would
 * read the old total before awaiting and lose the increments of letters sent in parallel meanwhile.
 */
export async function tally(counts: TSendCounts, key: keyof TSendCounts, work: Promise<number>): Promise<number> {
  const n = await work;
  counts[key] += n;
  return n;
}

function describe(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 500);
}

export async function deliverLetter(ctx: TDeliveryContext, job: TLetterJob): Promise<void> {
  const { letter, action, recipient } = job;
  const ids = [letter.id];
  let message;
  try {
    const pdf = await ctx.renderPdf({ title: letter.subject, author: signatureOf(action), language: letter.page.language, letters: [letter.page] });
    message = buildLetterMessage({ letter, action, recipient, settings: ctx.settings, pdf });
  } catch (error) {
    // Nothing was sent and trying again would build the same thing: a campaigner has to look at it.
    await tally(ctx.counts, "failed", ctx.locks.withLock((lock) => markFailed(ctx.db, { ids, lock, now: ctx.now(), error: `not sent: ${describe(error)}`, attempted: false })));
    return;
  }
  let reply: string;
  try {
    reply = (await ctx.transport.send(message, "letter")).response;
  } catch (error) {
    await recordSendFailure(ctx, [letter], recipient.id, error);
    return;
  }
  const messageId = letterMessageId(letter.id, ctx.settings.mailFrom);
  const marked = await tally(ctx.counts, "sent", ctx.locks.withLock((lock) => markSent(ctx.db, { ids, lock, now: ctx.now(), messageId, reply })));
  if (marked === 0) ctx.log(`letter ${letter.id} was sent but its lock had been taken over: a second copy may follow (${messageId})`);
  await endHardFailures(ctx, recipient);
  await endRun(ctx);
}

export async function deliverDigest(ctx: TDeliveryContext, job: TDigestJob): Promise<void> {
  const { entries, recipient } = job;
  const letters = entries.map((e) => e.letter);
  const ids = letters.map((l) => l.id);
  const digestId = randomUUID();
  let message;
  try {
    const document: TLetterDocument = {
      title: `Letters to ${recipient.name ?? recipient.id}`,
      author: ctx.settings.organisationName,
      language: letters[0]!.page.language,
      letters: letters.map((l) => l.page),
    };
    const pdf = await ctx.renderPdf(document);
    message = buildDigestMessage({ digestId, entries, recipient, settings: ctx.settings, pdf, date: ctx.now() });
  } catch (error) {
    await tally(ctx.counts, "failed", ctx.locks.withLock((lock) => markFailed(ctx.db, { ids, lock, now: ctx.now(), error: `digest not sent: ${describe(error)}`, attempted: false })));
    return;
  }
  let reply: string;
  try {
    reply = (await ctx.transport.send(message, "digest")).response;
  } catch (error) {
    await recordSendFailure(ctx, letters, recipient.id, error);
    return;
  }
  const messageId = String(message.messageId);
  const marked = await tally(ctx.counts, "digested", ctx.locks.withLock((lock) => markSent(ctx.db, { ids, lock, now: ctx.now(), messageId, digestId, reply })));
  if (marked < ids.length) ctx.log(`digest ${digestId}: ${ids.length - marked} letters had lost their lock: copies may follow`);
  await endHardFailures(ctx, recipient);
  await endRun(ctx);
}

/** A delivery ends a run of hard failures. Skipped when the official had none (the common case: one write less per letter). */
async function endHardFailures(ctx: TDeliveryContext, recipient: TRecipient): Promise<void> {
  if (recipient.hardFailures === 0) return;
  await clearHardFailures(ctx.db, recipient.id, ctx.now());
  recipient.hardFailures = 0;
}

/** The relay took mail: refusals before this one were each about their own address. */
async function endRun(ctx: TDeliveryContext): Promise<void> {
  if (!ctx.refusalRun) return;
  ctx.refusalRun = false;
  await endRefusalRun(ctx.db, ctx.now());
}

/**
 * The relay's own refusal: all sending pauses, the letters go back to the queue untouched and no official is blamed.
 * 5xx: failed at once and counted against the address (undone if the same refusal comes for several officials in a
 * row: note-refusal.ts). 4xx or network: retried with back-off, failed after a day.
 */
async function recordSendFailure(ctx: TDeliveryContext, letters: TClaimedLetter[], recipientId: string, error: unknown): Promise<void> {
  const failure = classifySendError(error);
  if (failure.stopPass) ctx.stopped = true;
  const now = ctx.now();
  const ids = letters.map((l) => l.id);
  if (failure.kind === "relay") {
    await tally(ctx.counts, "deferred", ctx.locks.withLock((lock) => markPutBack(ctx.db, { ids, lock, now, reply: failure.reply })));
    if (await pauseRelay(ctx.db, { reply: failure.reply, now })) ctx.log(`sending paused: the relay refuses mail (${failure.reply})`);
    return;
  }
  if (failure.kind === "permanent") {
    const failed = await tally(ctx.counts, "failed", ctx.locks.withLock((lock) => markFailed(ctx.db, { ids, lock, now, error: failure.message, attempted: true })));
    if (failed === 0) return;
    // One email refused once is one hard failure, however many letters it carried.
    const raisedFlag = await recordHardFailure(ctx.db, recipientId, now);
    ctx.refusalRun = true;
    for (const id of ids) ctx.refused.add(id);
    const verdict = await noteRefusal(ctx.db, { reply: failure.reply, refusal: { letterIds: ids, recipientId, raisedFlag }, now });
    if (verdict.paused) {
      ctx.stopped = true;
      ctx.refusalRun = false;
      // Those letters were not the officials' fault after all (some may have failed in earlier passes).
      const ours = verdict.restored.filter((id) => ctx.refused.delete(id)).length;
      ctx.counts.failed -= ours;
      ctx.counts.deferred += ours;
      ctx.log(`sending paused: the relay gave "${failure.reply}" for several officials in a row`);
    }
    return;
  }
  // Letters with the same number of earlier attempts share one decision (a digest's letters usually do).
  const byAttempts = new Map<number, string[]>();
  for (const letter of letters) byAttempts.set(letter.attempts, [...(byAttempts.get(letter.attempts) ?? []), letter.id]);
  for (const [attempts, group] of byAttempts) {
    const decision = nextRetry(attempts, now, ctx.random);
    if (decision.retry) {
      await tally(ctx.counts, "retried", ctx.locks.withLock((lock) => markRetry(ctx.db, { ids: group, lock, now, error: failure.message, at: decision.at })));
    } else {
      const error = `gave up after trying for 24 hours: ${failure.message}`;
      await tally(ctx.counts, "failed", ctx.locks.withLock((lock) => markFailed(ctx.db, { ids: group, lock, now, error, attempted: true })));
    }
  }
}
