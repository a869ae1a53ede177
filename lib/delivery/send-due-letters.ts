/**
 * One pass of the delivery worker: claim due letters, pace them per official, send what may go now (one by one, or
 * as the official's daily digest), and put the rest back in the queue with a later time. Safe to run in many
 * processes at once on one Postgres (see claim-letters.ts); a pass never sends a letter it does not hold the lock for.
 */
import "server-only";
import { inArray } from "drizzle-orm";
import { renderLetterPdf } from "@/components/pdf/render-pdf";
import type { TDb } from "@/lib/db/open";
import { actions, campaigns, recipients } from "@/lib/db/schema";
import type { TMailTransport } from "@/lib/mail/transport";
import { claimDigestLetters, claimDueLetters, type TClaimedLetter } from "./claim-letters";
import { keepLocks } from "./keep-locks";
import { deliverDigest, deliverLetter, tally, type TAction, type TDeliveryContext, type TJob, type TPdfRenderer, type TRecipient, type TSendCounts } from "./deliver";
import { markDeferred, markFailed } from "./letter-outcomes";
import { DEFAULT_CAPS, normaliseCaps, planRecipient, type TCaps } from "./pacing";
import { pauseOf, readRelayState } from "./read-relay-state";
import { loadRecipientLoad } from "./recipient-load";

export type { TSendCounts, TPdfRenderer } from "./deliver";

export const DEFAULT_BATCH_SIZE = 50;
/**
 * A claim holds its letters this long, and the pass renews it every DEFAULT_LOCK_MS / 4 while it works
 * (keep-locks.ts): a crashed worker's letters are taken over within about this long, however long a live pass takes.
 */
export const DEFAULT_LOCK_MS = 20_000;
/** A pass starts no new send after this long, so a worker that is asked to stop, or a digest, is not held up. */
export const DEFAULT_PASS_BUDGET_MS = 2.5 * 60_000;
/** Letters in progress at once: rendering one PDF overlaps with the SMTP and database round trips of others. */
export const DEFAULT_CONCURRENCY = 4;
/** A digest of 1000 letters is a PDF of about 4 MB, which mail servers still accept. */
export const DEFAULT_MAX_DIGEST_LETTERS = 1000;

export type TSendDueLettersOptions = {
  db: TDb;
  transport: TMailTransport;
  now: () => Date;
  random?: () => number;
  batchSize?: number;
  mailFrom: string;
  organisationName: string;
  /** BOUNCE_ADDRESS: the base of the letters' return paths (VERP); default bounces@<MAIL_FROM domain>. */
  bounceAddress?: string;
  lockMs?: number;
  /** How often the pass renews its lock; default lockMs / 4. */
  heartbeatMs?: number;
  /** Aborted when the worker is stopping: sends not started yet go back to the queue untouched. */
  signal?: AbortSignal;
  /** Defaults to renderLetterPdf; injectable so long simulations need not lay out every PDF. */
  renderPdf?: TPdfRenderer;
  concurrency?: number;
  maxDigestLetters?: number;
  log?: (message: string) => void;
};

type TLookup = { actions: Map<string, TAction>; recipients: Map<string, TRecipient>; caps: Map<string, TCaps> };

export async function sendDueLetters(options: TSendDueLettersOptions): Promise<TSendCounts> {
  const { db } = options;
  const counts: TSendCounts = { sent: 0, retried: 0, failed: 0, deferred: 0, digested: 0 };
  const start = options.now();
  const lockMs = options.lockMs ?? DEFAULT_LOCK_MS;
  const lock = new Date(start.getTime() + lockMs);
  // Sending is paused while the relay refuses all mail: nothing is claimed until an owner resumes.
  const relay = await readRelayState(db);
  if (pauseOf(relay)) return counts;
  const claimed = await claimDueLetters(db, { now: start, lockUntil: lock, limit: options.batchSize ?? DEFAULT_BATCH_SIZE });
  if (claimed.length === 0) return counts;

  const log = options.log ?? ((message: string) => console.warn(`[delivery] ${message}`));
  const locks = keepLocks({ db, lock, lockMs, everyMs: options.heartbeatMs ?? lockMs / 4, now: options.now, log });
  const ctx: TDeliveryContext = {
    db,
    transport: options.transport,
    now: options.now,
    random: options.random ?? Math.random,
    settings: { mailFrom: options.mailFrom, organisationName: options.organisationName, bounceAddress: options.bounceAddress },
    renderPdf: options.renderPdf ?? renderLetterPdf,
    locks,
    counts,
    log,
    stopped: false,
    refusalRun: (relay?.runRefusals.length ?? 0) > 0,
    refused: new Set(),
  };
  try {
    const lookup = await loadLookup(db, claimed);
    const jobs: TJob[] = [];
    for (const [recipientId, group] of groupBy(claimed, (l) => l.recipientId)) {
      jobs.push(...(await planGroup(ctx, lookup, recipientId, group, { now: start, maxDigest: options.maxDigestLetters ?? DEFAULT_MAX_DIGEST_LETTERS })));
    }
    // Single letters first: a large digest takes seconds to lay out and should not hold them up.
    jobs.sort((a, b) => Number(a.kind === "digest") - Number(b.kind === "digest"));
    await runJobs(ctx, jobs, options.concurrency ?? DEFAULT_CONCURRENCY, {
      deadline: start.getTime() + DEFAULT_PASS_BUDGET_MS,
      lockMs,
      signal: options.signal,
    });
  } finally {
    await locks.stop();
  }
  return counts;
}

async function loadLookup(db: TDb, claimed: TClaimedLetter[]): Promise<TLookup> {
  const unique = <T>(values: T[]) => [...new Set(values)];
  const [actionRows, recipientRows, campaignRows] = await Promise.all([
    db.select().from(actions).where(inArray(actions.id, unique(claimed.map((l) => l.actionId)))),
    db.select().from(recipients).where(inArray(recipients.id, unique(claimed.map((l) => l.recipientId)))),
    db
      .select({ slug: campaigns.slug, settings: campaigns.settings })
      .from(campaigns)
      .where(inArray(campaigns.slug, unique(claimed.map((l) => l.campaignSlug)))),
  ]);
  return {
    actions: new Map(actionRows.map((a) => [a.id, a])),
    recipients: new Map(recipientRows.map((r) => [r.id, r])),
    caps: new Map(campaignRows.map((c) => [c.slug, normaliseCaps(c.settings)])),
  };
}

/** Decide, for one official's claimed letters, which go now (alone or in the digest) and when the others come back. */
async function planGroup(
  ctx: TDeliveryContext,
  lookup: TLookup,
  recipientId: string,
  group: TClaimedLetter[],
  { now, maxDigest }: { now: Date; maxDigest: number },
): Promise<TJob[]> {
  const { db } = ctx;
  const recipient = lookup.recipients.get(recipientId);
  const orphans = group.filter((l) => !lookup.actions.has(l.actionId));
  if (!recipient?.email || orphans.length > 0) {
    const bad = recipient?.email ? orphans : group;
    const error = recipient?.email ? "the letter's action is missing" : "the official has no email address";
    await tally(ctx.counts, "failed", ctx.locks.withLock((lock) => markFailed(db, { ids: bad.map((l) => l.id), lock, now, error, attempted: false })));
    group = group.filter((l) => !bad.includes(l));
    if (!recipient || group.length === 0) return [];
  }

  // Several campaigns may write to one official: the strictest caps among them apply.
  const caps = group.reduce<TCaps>(
    (acc, l) => {
      const c = lookup.caps.get(l.campaignSlug) ?? DEFAULT_CAPS;
      return { hourlyCap: Math.min(acc.hourlyCap, c.hourlyCap), dailyCap: Math.min(acc.dailyCap, c.dailyCap) };
    },
    { hourlyCap: Number.POSITIVE_INFINITY, dailyCap: Number.POSITIVE_INFINITY },
  );
  const oldest = new Date(Math.min(...group.map((l) => l.createdAt.getTime())));
  const load = await loadRecipientLoad(db, { recipientId, now, ours: group.map((l) => l.id), oldest });
  const plan = planRecipient({
    sent: load.sent,
    caps,
    timeZone: recipient.timeZone,
    now,
    random: ctx.random,
    waiting: load.waiting + group.length,
    maxDigest,
  });

  const jobs: TJob[] = [];
  let rest = group;
  // Letters written earlier and already planned for later keep their place in line: ours come after them.
  let ahead = load.ahead;
  if (plan.digestNow > 0) {
    const taken = group.slice(0, plan.digestNow);
    // Claimed with the pass's current lock value, so the heartbeat renews them with the rest.
    const extra = await ctx.locks.withLock((lock) => claimDigestLetters(db, { recipientId, now, lockUntil: lock, limit: plan.digestNow - taken.length }));
    await addActions(db, lookup, extra);
    jobs.push({
      kind: "digest",
      entries: [...taken, ...extra].map((letter) => ({ letter, action: lookup.actions.get(letter.actionId)! })),
      recipient,
    });
    rest = group.slice(plan.digestNow);
    ahead = Math.max(0, ahead - extra.length);
  }

  const later = new Map<number, string[]>();
  rest.forEach((letter, i) => {
    const slot = plan.slots[ahead + i];
    if (slot && slot.getTime() <= now.getTime()) jobs.push({ kind: "letter", letter, action: lookup.actions.get(letter.actionId)!, recipient });
    else {
      const at = (slot ?? plan.nextDigestAt).getTime();
      later.set(at, [...(later.get(at) ?? []), letter.id]);
    }
  });
  for (const [at, ids] of later) {
    await tally(ctx.counts, "deferred", ctx.locks.withLock((lock) => markDeferred(db, { ids, lock, now, at: new Date(at) })));
  }
  return jobs;
}

async function addActions(db: TDb, lookup: TLookup, letters: TClaimedLetter[]): Promise<void> {
  const missing = [...new Set(letters.map((l) => l.actionId).filter((id) => !lookup.actions.has(id)))];
  if (missing.length === 0) return;
  for (const row of await db.select().from(actions).where(inArray(actions.id, missing))) lookup.actions.set(row.id, row);
}

async function runJobs(
  ctx: TDeliveryContext,
  jobs: TJob[],
  concurrency: number,
  limits: { deadline: number; lockMs: number; signal?: AbortSignal },
): Promise<void> {
  let next = 0;
  const runner = async () => {
    while (next < jobs.length) {
      const job = jobs[next++]!;
      const now = ctx.now().getTime();
      // A send starts only while at least half a lock is left: if renewals fail (database unreachable) the lock runs
      // down, and no other worker may take a letter we are still sending.
      const lockLeft = ctx.locks.lock.getTime() - now;
      if (ctx.stopped || limits.signal?.aborted || now > limits.deadline || lockLeft < limits.lockMs / 2) {
        // Not started: back to the queue as it was, for the next pass.
        const ids = job.kind === "letter" ? [job.letter.id] : job.entries.map((e) => e.letter.id);
        await tally(ctx.counts, "deferred", ctx.locks.withLock((lock) => markDeferred(ctx.db, { ids, lock, now: ctx.now() })));
        continue;
      }
      try {
        await (job.kind === "letter" ? deliverLetter(ctx, job) : deliverDigest(ctx, job));
      } catch (error) {
        // The database failed us mid-way: stop; letters left in 'sending' are taken again when their lock expires.
        ctx.stopped = true;
        ctx.log(`pass stopped: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, jobs.length)) }, runner));
}

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(key(item), [...(groups.get(key(item)) ?? []), item]);
  return groups;
}
