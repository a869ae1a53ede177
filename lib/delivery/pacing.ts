/**
 * Per-official pacing, so an embassy's mailbox is never flooded. Pure: the caller passes what was sent to the
 * official in the last 24 hours (one entry per email: a letter sent on its own, or a whole digest) and the clock.
 *
 * Rules, for each official across all campaigns:
 *  - at most `hourlyCap` emails in any rolling hour;
 *  - at most `dailyCap` emails in any rolling 24 hours: `dailyCap − 1` letters one by one, and one slot kept for the
 *    daily digest, which carries every letter that could not go one by one;
 *  - a letter under the caps goes out at once, even at night: one letter is not a flood;
 *  - letters that have to wait are spread about `1 h / hourlyCap` apart with jitter (not released in a burst when a
 *    window opens), and moved into the official's working hours when the zone is known;
 *  - a digest goes at most once a day, in working hours when the zone is known.
 */
import "server-only";
import { isKnownTimeZone, isWorkingTime, nextWorkingTime } from "./working-hours";

export type TCaps = { hourlyCap: number; dailyCap: number };
export const DEFAULT_CAPS: TCaps = { hourlyCap: 30, dailyCap: 300 };

/** One email already sent (or being sent) to the official. */
export type TSentEmail = { at: Date; digest: boolean };

export type TPacingInput = {
  /** Emails to this official in the last 24 hours (older ones are ignored). */
  sent: readonly TSentEmail[];
  caps?: Partial<TCaps>;
  /** The official's IANA time zone; null or unknown means no working-hours preference. */
  timeZone?: string | null;
  now: Date;
  /** Injectable for tests; values in [0, 1). */
  random?: () => number;
};

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Slots are planned this far ahead; letters beyond wait for the digest. */
export const HORIZON_MS = DAY;

/** Caps from campaign settings, falling back to the defaults for missing or nonsensical values. */
export function normaliseCaps(caps: Partial<TCaps> | undefined): TCaps {
  const pick = (value: number | undefined, fallback: number) =>
    typeof value === "number" && Number.isFinite(value) && value >= 1 ? Math.floor(value) : fallback;
  return { hourlyCap: pick(caps?.hourlyCap, DEFAULT_CAPS.hourlyCap), dailyCap: pick(caps?.dailyCap, DEFAULT_CAPS.dailyCap) };
}

/** Sorted event times with window counts; slots are added as they are planned so later ones see them. */
class Timeline {
  readonly all: number[] = [];
  readonly single: number[] = [];
  readonly digests: number[] = [];

  add(ms: number, digest: boolean): void {
    insertSorted(this.all, ms);
    insertSorted(digest ? this.digests : this.single, ms);
  }

  /** When a window of `length` ending at `t` would hold fewer than `cap` of `list`, or `t` if it already does. */
  static release(list: readonly number[], t: number, length: number, cap: number): number {
    const from = upperBound(list, t - length);
    const inWindow = upperBound(list, t) - from;
    if (inWindow < cap) return t;
    // The window is (t − length, t]: it drops the oldest events one by one as t moves on.
    return list[from + inWindow - cap]! + length;
  }
}

function upperBound(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function insertSorted(list: number[], value: number): void {
  list.splice(upperBound(list, value), 0, value);
}

type TContext = {
  caps: TCaps;
  now: number;
  zone: string | null;
  random: () => number;
  timeline: Timeline;
  /** The average gap between letters that wait: the hour spread evenly. */
  spacing: number;
};

function context(input: TPacingInput): TContext {
  const now = input.now.getTime();
  const caps = normaliseCaps(input.caps);
  const timeline = new Timeline();
  for (const email of input.sent) {
    const at = email.at.getTime();
    if (at > now - DAY) timeline.add(Math.min(at, now), email.digest);
  }
  const random = input.random ?? Math.random;
  return {
    caps,
    now,
    zone: isKnownTimeZone(input.timeZone) ? input.timeZone : null,
    random: () => {
      const r = random();
      return Number.isFinite(r) ? Math.min(Math.max(r, 0), 0.999_999) : 0;
    },
    timeline,
    spacing: HOUR / caps.hourlyCap,
  };
}

/**
 * The earliest time at or after `from` when one more email may go. Individual letters are held to the daily
 * budget (`dailyCap − 1`); a digest only to the hourly cap and its once-a-day rule (handled by the caller).
 * Working hours apply to waiting letters (t > now) and always to digests. Null when there is never room.
 */
function earliest(ctx: TContext, from: number, kind: "single" | "digest"): number | null {
  const singleBudget = ctx.caps.dailyCap - 1;
  if (kind === "single" && singleBudget < 1) return null;
  let t = from;
  for (let guard = 0; guard < 10_000; guard++) {
    const afterHour = Timeline.release(ctx.timeline.all, t, HOUR, ctx.caps.hourlyCap);
    const afterDay = kind === "single" ? Timeline.release(ctx.timeline.single, afterHour, DAY, singleBudget) : afterHour;
    if (afterDay !== t) {
      t = afterDay;
      continue;
    }
    const preferHours = ctx.zone !== null && (kind === "digest" || t > ctx.now);
    if (preferHours && !isWorkingTime(t, ctx.zone!)) {
      t = Math.max(t + 1, nextWorkingTime(t, ctx.zone!));
      continue;
    }
    return t;
  }
  return null;
}

/**
 * Send times for the next `count` letters to the official, in order, within the next 24 hours. The first ones are
 * `now` while there is room under the caps; the rest are spread out. Fewer than `count` when the daily budget or the
 * horizon runs out: those letters belong in the digest.
 */
export function planSlots(input: TPacingInput & { count: number }): Date[] {
  return planWith(context(input), input.count);
}

function planWith(ctx: TContext, count: number): Date[] {
  const slots: Date[] = [];
  const end = ctx.now + HORIZON_MS;
  let cursor = ctx.now;
  let previous: number | null = null;
  while (slots.length < count) {
    let t = earliest(ctx, cursor, "single");
    if (t === null || t >= end) break;
    if (t > ctx.now) {
      // A waiting letter: keep about one spacing from the previous one, with jitter so officials' letters and
      // different officials' queues do not all fire on the same second when a window opens.
      const gap = ctx.spacing * (0.5 + ctx.random());
      t = previous !== null && t < previous + gap ? previous + gap : t + ctx.random() * ctx.spacing;
      t = earliest(ctx, Math.round(t), "single") ?? Number.POSITIVE_INFINITY;
      if (t >= end) break;
    }
    ctx.timeline.add(t, false);
    slots.push(new Date(t));
    cursor = t;
    previous = t;
  }
  return slots;
}

/** The earliest time at or after `now` a letter may go on its own (null: the daily budget never allows it). */
export function earliestSendTime(input: TPacingInput): Date | null {
  const ctx = context(input);
  const [slot] = planWith(ctx, 1);
  if (slot) return slot;
  const t = earliest(ctx, ctx.now, "single");
  return t === null ? null : new Date(t);
}

/** When the next digest may go: once in 24 hours, under the hourly cap, in working hours; `now` if it may go now. */
export function nextDigestTime(input: TPacingInput): Date {
  return new Date(digestTime(context(input)));
}

function digestTime(ctx: TContext): number {
  const last = ctx.timeline.digests.at(-1);
  const from = last === undefined ? ctx.now : Math.max(ctx.now, last + DAY);
  let t = earliest(ctx, from, "digest") ?? from;
  if (t > ctx.now) t = earliest(ctx, Math.round(t + ctx.random() * ctx.spacing), "digest") ?? t;
  return t;
}

export type TRecipientPlan = {
  /** How many waiting letters (oldest first) go in a digest now; 0 when no digest goes now. */
  digestNow: number;
  /** Send times for the letters after those, in order: `now` means send at once. */
  slots: Date[];
  /** When letters beyond the slots should be tried again: the next digest. */
  nextDigestAt: Date;
};

/**
 * The plan for an official with `waiting` letters queued (including the ones being decided). When more letters wait
 * than can go one by one in the next 24 hours and a digest may go now, the surplus goes in one digest now.
 */
export function planRecipient(input: TPacingInput & { waiting: number; maxDigest: number }): TRecipientPlan {
  const waiting = Math.max(0, Math.floor(input.waiting));
  const probe = context(input);
  const alone = planWith(probe, waiting);
  const digestAt = digestTime(context(input));
  if (alone.length >= waiting || digestAt > probe.now || input.maxDigest < 1) {
    return { digestNow: 0, slots: alone, nextDigestAt: new Date(digestAt) };
  }
  // The digest itself is an email now: plan the single letters around it.
  const ctx = context(input);
  ctx.timeline.add(ctx.now, true);
  const slots = planWith(ctx, waiting);
  const digestNow = Math.min(input.maxDigest, Math.max(1, waiting - slots.length));
  return { digestNow, slots, nextDigestAt: new Date(digestTime(ctx)) };
}
