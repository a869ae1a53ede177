import { describe, expect, it } from "vitest";
import { earliestSendTime, nextDigestTime, planRecipient, planSlots, type TSentEmail } from "./pacing";
import { isWorkingTime, nextWorkingTime } from "./working-hours";
import { busiest } from "@/test/delivery/windows";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Monday 2 March 2026, 10:00 in Paris (UTC+1 in winter). */
const mondayParis10 = new Date("2026-03-02T09:00:00Z");
const zero = () => 0;

function sentAt(times: number[], digest = false): TSentEmail[] {
  return times.map((ms) => ({ at: new Date(ms), digest }));
}


describe("earliest send time", () => {
  it("sends a letter under the caps at once, even at night", () => {
    const night = new Date("2026-03-01T02:00:00Z"); // Sunday 03:00 in Paris
    const sent = sentAt([night.getTime() - 10 * MINUTE]);
    expect(earliestSendTime({ sent, now: night, timeZone: "Europe/Paris", random: zero })).toEqual(night);
  });

  it("waits until the oldest email of a full hour is an hour old", () => {
    const now = mondayParis10.getTime();
    const times = Array.from({ length: 30 }, (_, i) => now - 50 * MINUTE + i * MINUTE);
    const at = earliestSendTime({ sent: sentAt(times), now: mondayParis10, random: zero });
    expect(at).toEqual(new Date(now + 10 * MINUTE));
    // Jitter adds up to one spacing (1 h / 30 = 2 min), never less than the rule allows.
    const jittered = earliestSendTime({ sent: sentAt(times), now: mondayParis10, random: () => 0.99 })!;
    expect(jittered.getTime()).toBeGreaterThan(now + 10 * MINUTE);
    expect(jittered.getTime()).toBeLessThanOrEqual(now + 12 * MINUTE);
  });

  it("keeps one email a day for the digest: 299 letters in 24 hours close the day for single letters", () => {
    const now = mondayParis10.getTime();
    // 299 letters spread over the last 23 hours, never more than 30 an hour.
    const times = Array.from({ length: 299 }, (_, i) => now - 23 * HOUR + i * (4.6 * MINUTE));
    expect(busiest(times, HOUR)).toBeLessThanOrEqual(30);
    const at = earliestSendTime({ sent: sentAt(times), now: mondayParis10, random: zero })!;
    expect(at.getTime()).toBe(times[0]! + DAY);
    // A digest in the same window still fits (it only needs room in the hour).
    expect(nextDigestTime({ sent: sentAt(times), now: mondayParis10, random: zero })).toEqual(mondayParis10);
  });

  it("counts a digest in the hourly cap", () => {
    const now = mondayParis10.getTime();
    const sent = [...sentAt(Array.from({ length: 29 }, () => now - 5 * MINUTE)), { at: new Date(now - 30 * MINUTE), digest: true }];
    expect(earliestSendTime({ sent, now: mondayParis10, random: zero })).toEqual(new Date(now + 30 * MINUTE));
  });

  it("moves a waiting letter into the official's working hours", () => {
    const fridayEvening = new Date("2026-03-06T15:50:00Z"); // Friday 16:50 in Paris
    const times = Array.from({ length: 30 }, () => fridayEvening.getTime() - 5 * MINUTE);
    const at = earliestSendTime({ sent: sentAt(times), now: fridayEvening, timeZone: "Europe/Paris", random: zero });
    expect(at).toEqual(new Date("2026-03-09T08:00:00Z")); // Monday 09:00 in Paris
    // Without a known zone there is no preference: just the hourly rule.
    const anywhere = earliestSendTime({ sent: sentAt(times), now: fridayEvening, timeZone: "Not/AZone", random: zero });
    expect(anywhere).toEqual(new Date(fridayEvening.getTime() + 55 * MINUTE));
  });

  it("never sends one by one when the daily cap is 1: everything goes in the digest", () => {
    expect(earliestSendTime({ sent: [], now: mondayParis10, caps: { hourlyCap: 30, dailyCap: 1 } })).toBeNull();
    const plan = planRecipient({ sent: [], now: mondayParis10, caps: { dailyCap: 1 }, waiting: 5, maxDigest: 100 });
    expect(plan).toMatchObject({ digestNow: 5, slots: [] });
  });
});

describe("planning a queue of letters", () => {
  it("sends up to the hourly cap at once, then spreads the rest about two minutes apart", () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    const slots = planSlots({ sent: [], now: mondayParis10, count: 200, random });
    const times = slots.map((d) => d.getTime());
    expect(times.slice(0, 30).every((t) => t === mondayParis10.getTime())).toBe(true);
    expect(times[30]!).toBeGreaterThanOrEqual(mondayParis10.getTime() + HOUR);
    expect(busiest(times, HOUR)).toBeLessThanOrEqual(30);
    for (let i = 31; i < times.length; i++) {
      expect(times[i]! - times[i - 1]!).toBeGreaterThanOrEqual(MINUTE - 1);
    }
    // Without a zone the 200 fit in the day: 30 now, then ~30 an hour.
    expect(slots).toHaveLength(200);
    expect(times.at(-1)! - mondayParis10.getTime()).toBeLessThan(8 * HOUR);
  });

  it("gives fewer slots than letters when the day is full, so the rest can go in a digest", () => {
    const slots = planSlots({ sent: [], now: mondayParis10, count: 1000, random: () => 0.5 });
    expect(slots).toHaveLength(299);
    expect(busiest(slots.map((d) => d.getTime()), HOUR)).toBeLessThanOrEqual(30);
  });

  it("sends a digest now in working hours when more letters wait than can go one by one", () => {
    const plan = planRecipient({ sent: [], now: mondayParis10, timeZone: "Europe/Paris", waiting: 1000, maxDigest: 2000, random: () => 0.5 });
    // 29 more fit in this hour beside the digest; then 30 an hour until 17:00 (six more hours).
    expect(plan.slots.filter((s) => s.getTime() === mondayParis10.getTime())).toHaveLength(29);
    expect(plan.digestNow + plan.slots.length).toBe(1000);
    expect(plan.slots.every((s) => isWorkingTime(s.getTime(), "Europe/Paris"))).toBe(true);
    const emails = [mondayParis10.getTime(), ...plan.slots.map((s) => s.getTime())];
    expect(busiest(emails, HOUR)).toBeLessThanOrEqual(30);
    expect(plan.nextDigestAt.getTime()).toBeGreaterThanOrEqual(mondayParis10.getTime() + DAY);
  });

  it("holds the digest until the morning, and to once a day", () => {
    const night = new Date("2026-03-03T01:00:00Z"); // Tuesday 02:00 in Paris
    const plan = planRecipient({ sent: [], now: night, timeZone: "Europe/Paris", waiting: 1000, maxDigest: 2000, random: zero });
    expect(plan.digestNow).toBe(0);
    expect(plan.nextDigestAt).toEqual(new Date("2026-03-03T08:00:00Z"));
    const afterDigest = planRecipient({
      sent: [{ at: new Date(mondayParis10.getTime() - 2 * HOUR), digest: true }],
      now: mondayParis10,
      timeZone: "Europe/Paris",
      waiting: 1000,
      maxDigest: 2000,
      random: zero,
    });
    expect(afterDigest.digestNow).toBe(0);
    // 24 hours after the last digest is Tuesday 08:00 in Paris, before opening: Tuesday 09:00.
    expect(afterDigest.nextDigestAt).toEqual(new Date("2026-03-03T08:00:00Z"));
    const noZone = planRecipient({
      sent: [{ at: new Date(mondayParis10.getTime() - 2 * HOUR), digest: true }],
      now: mondayParis10,
      waiting: 1000,
      maxDigest: 2000,
      random: zero,
    });
    expect(noZone.nextDigestAt).toEqual(new Date(mondayParis10.getTime() + 22 * HOUR));
  });

  it("keeps a digest to its maximum size", () => {
    const plan = planRecipient({ sent: [], now: mondayParis10, waiting: 5000, maxDigest: 1000, random: zero });
    expect(plan.digestNow).toBe(1000);
  });
});

describe("working hours", () => {
  it("knows the office hours in the official's zone", () => {
    expect(isWorkingTime(Date.parse("2026-03-02T08:00:00Z"), "Europe/Paris")).toBe(true); // Mon 09:00
    expect(isWorkingTime(Date.parse("2026-03-02T07:59:00Z"), "Europe/Paris")).toBe(false);
    expect(isWorkingTime(Date.parse("2026-03-02T16:00:00Z"), "Europe/Paris")).toBe(false); // Mon 17:00
    expect(isWorkingTime(Date.parse("2026-03-07T10:00:00Z"), "Europe/Paris")).toBe(false); // Saturday
    expect(isWorkingTime(Date.parse("2026-03-02T04:00:00Z"), "Asia/Almaty")).toBe(true); // Mon 09:00 (UTC+5)
  });

  it("finds the next morning across weekends and daylight-saving changes", () => {
    // Friday 20:00 in Paris before the change on Sunday 29 March: Monday 09:00 is 07:00Z (UTC+2).
    expect(new Date(nextWorkingTime(Date.parse("2026-03-27T19:00:00Z"), "Europe/Paris")).toISOString()).toBe("2026-03-30T07:00:00.000Z");
    // New York, Saturday before the US change on 8 March: Monday 09:00 EDT is 13:00Z.
    expect(new Date(nextWorkingTime(Date.parse("2026-03-07T15:00:00Z"), "America/New_York")).toISOString()).toBe("2026-03-09T13:00:00.000Z");
    // A weekday before opening: the same morning.
    expect(new Date(nextWorkingTime(Date.parse("2026-03-03T05:30:00Z"), "Europe/Paris")).toISOString()).toBe("2026-03-03T08:00:00.000Z");
    // Inside working hours: unchanged.
    expect(nextWorkingTime(Date.parse("2026-03-03T10:00:00Z"), "Europe/Paris")).toBe(Date.parse("2026-03-03T10:00:00Z"));
  });
});
