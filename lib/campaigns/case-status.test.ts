import { describe, expect, it } from "vitest";
import { isStatusStale, latestUpdate, newestFirst } from "./case-status";

const status = (asOf: string) => ({ asOf, text: { en: "x" } });
const update = (date: string) => ({ date, text: { en: date }, source: "s" });

describe("case status", () => {
  it("is stale once it is more than 90 days old", () => {
    const now = new Date("2026-12-01T12:00:00Z");
    expect(isStatusStale(status("2026-12-01"), now)).toBe(false);
    expect(isStatusStale(status("2026-09-02"), now)).toBe(false);
    expect(isStatusStale(status("2026-09-01"), now)).toBe(true);
    expect(isStatusStale(status("2025-03-10"), now)).toBe(true);
  });

  it("lists updates newest first, an imprecise date or an interval by the first day it can be", () => {
    const sorted = newestFirst([update("2025-03-10"), update("2025-11/2026"), update("2026-12-01"), update("2025-12-30"), update("2026-03")]);
    expect(sorted.map((u) => u.date)).toEqual(["2026-12-01", "2026-03", "2025-12-30", "2025-11/2026", "2025-03-10"]);
    expect(latestUpdate([update("2025-03-10"), update("2026-12-01")])?.date).toBe("2026-12-01");
    expect(latestUpdate([])).toBeUndefined();
  });
});
