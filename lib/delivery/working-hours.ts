/**
 * Office hours in an official's own time zone (09:00–17:00, Monday to Friday), so letters that have to wait are
 * delivered when someone is there to read them rather than piling up overnight. Pure; DST-aware through Intl.
 */
import "server-only";

export const WORK_START_HOUR = 9;
export const WORK_END_HOUR = 17;

type TLocal = { year: number; month: number; day: number; hour: number; minute: number; second: number; weekday: number };

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** A formatter for the zone, or null when the zone name is unknown (then there is no preference). */
function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  if (!formatters.has(timeZone)) {
    let formatter: Intl.DateTimeFormat | null;
    try {
      formatter = new Intl.DateTimeFormat("en-US", {
        timeZone,
        hourCycle: "h23",
        weekday: "short",
        year: "numeric",
        month: "numeric",
        day: "numeric",
        hour: "numeric",
        minute: "numeric",
        second: "numeric",
      });
    } catch {
      formatter = null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatters.get(timeZone) ?? null;
}

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];

function localParts(formatter: Intl.DateTimeFormat, ms: number): TLocal {
  const parts: Record<string, string> = {};
  for (const part of formatter.formatToParts(new Date(ms))) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    weekday: WEEKDAYS.indexOf(parts.weekday ?? ""),
  };
}

/** True when the zone is a name Intl knows ("Europe/London"); null or unknown means "no preference". */
export function isKnownTimeZone(timeZone: string | null | undefined): timeZone is string {
  return !!timeZone && formatterFor(timeZone) !== null;
}

export function isWorkingTime(ms: number, timeZone: string): boolean {
  const formatter = formatterFor(timeZone);
  if (!formatter) return true;
  const local = localParts(formatter, ms);
  return local.weekday >= 1 && local.weekday <= 5 && local.hour >= WORK_START_HOUR && local.hour < WORK_END_HOUR;
}

/** `ms` itself when it is inside working hours, otherwise the start of the next working morning. */
export function nextWorkingTime(ms: number, timeZone: string): number {
  const formatter = formatterFor(timeZone);
  if (!formatter || isWorkingTime(ms, timeZone)) return ms;
  const local = localParts(formatter, ms);
  // Which local date's 09:00: today if it is a weekday morning before opening, otherwise the next weekday.
  let dayOffset = local.hour < WORK_START_HOUR ? 0 : 1;
  let weekday = (local.weekday + dayOffset) % 7;
  while (weekday === 0 || weekday === 6) {
    dayOffset++;
    weekday = (weekday + 1) % 7;
  }
  // Wall-clock arithmetic as if the zone were UTC, then corrected by the offset difference (DST changes overnight).
  const wallNow = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute, local.second);
  const wallTarget = Date.UTC(local.year, local.month - 1, local.day + dayOffset, WORK_START_HOUR, 0, 0);
  const approx = Math.floor(ms / 1000) * 1000 + (wallTarget - wallNow);
  const got = localParts(formatter, approx);
  const wallGot = Date.UTC(got.year, got.month - 1, got.day, got.hour, got.minute, got.second);
  return approx + (wallTarget - wallGot);
}
