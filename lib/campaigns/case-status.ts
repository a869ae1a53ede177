/**
 * Rules about a campaign's case status (pure: the page, the API and their tests share them).
 */
import "server-only";
import type { TCaseStatus, TCaseUpdate } from "@/lib/db/schema";

/** A status older than this is shown with a "not checked since" warning: a case can change in three months. */
export const STATUS_FRESH_DAYS = 90;

/** More than STATUS_FRESH_DAYS calendar days (UTC) between the day it was checked and today. */
export function isStatusStale(status: TCaseStatus, now: Date): boolean {
  const day = 24 * 60 * 60 * 1000;
  const checked = Date.parse(`${status.asOf}T00:00:00Z`) / day;
  const today = Math.floor(now.getTime() / day);
  return today - checked > STATUS_FRESH_DAYS;
}

/**
 * Updates newest first. Dates are as precise as their sources ("2026", "2025-11/2026"): each sorts by the first day
 * it can be, so an interval stands where it began and a dated closing update stays above an imprecise "2026".
 */
export function newestFirst(updates: TCaseUpdate[]): TCaseUpdate[] {
  // ISO dates compare as strings, and a shorter prefix ("2026") sorts before its longer dates ("2026-03-01").
  const key = (date: string) => date.split("/")[0] ?? date;
  return [...updates].sort((a, b) => (key(a.date) < key(b.date) ? 1 : key(a.date) > key(b.date) ? -1 : 0));
}

/** The newest update, for the public API. */
export function latestUpdate(updates: TCaseUpdate[]): TCaseUpdate | undefined {
  return newestFirst(updates)[0];
}
