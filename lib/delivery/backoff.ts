/**
 * When to try a letter again after a temporary failure (SMTP 4xx, time-out, connection refused). Pure.
 *
 * The n-th temporary failure (n from 0) waits about 1.3^n × 5 minutes: 5 min, 6.5 min, 8.5 min, … 7.2 h. A letter
 * is given up only once the waits already behind it add up to 24 hours, so every letter is tried for at least a day
 * (18 tries over about 31 hours) before it is marked failed. The elapsed time is taken from the schedule itself rather
 * than from a column, because the letters table keeps the attempt count but not the time of the first failure; real
 * time can only be longer (a pass runs after the due time, never before), so "at least 24 h" still holds.
 */
import "server-only";

const MINUTE = 60_000;
export const BASE_DELAY_MS = 5 * MINUTE;
export const GROWTH = 1.3;
/** Retrying stops once this much waiting is behind a letter. */
export const RETRY_WINDOW_MS = 24 * 60 * MINUTE;
/** Up to this share is added to each wait, so letters that failed together (a server outage) do not return together. */
export const JITTER = 0.1;

/** The planned wait after the n-th temporary failure (n from 0), without jitter. */
export function retryDelayMs(n: number): number {
  return BASE_DELAY_MS * GROWTH ** n;
}

/** The waits behind a letter when its n-th temporary failure happens: the sum of the first n delays. */
export function waitedBeforeMs(n: number): number {
  // Geometric series: 5 min × (1.3^n − 1) / 0.3.
  return (BASE_DELAY_MS * (GROWTH ** n - 1)) / (GROWTH - 1);
}

export type TRetryDecision = { retry: true; at: Date } | { retry: false };

/**
 * What to do after a temporary failure. `failuresBefore` is how many temporary failures the letter had before this
 * one (its attempt count: a success or a permanent failure ends the letter, so every earlier attempt failed
 * temporarily). Jitter only lengthens the wait, so the 24-hour guarantee is never shortened.
 */
export function nextRetry(failuresBefore: number, now: Date, random: () => number = Math.random): TRetryDecision {
  const n = Math.max(0, Math.floor(failuresBefore));
  if (waitedBeforeMs(n) >= RETRY_WINDOW_MS) return { retry: false };
  const wait = retryDelayMs(n) * (1 + JITTER * clamp01(random()));
  return { retry: true, at: new Date(now.getTime() + Math.round(wait)) };
}

function clamp01(value: number): number {
  return Number.isFinite(value) ? Math.min(1, Math.max(0, value)) : 0;
}
