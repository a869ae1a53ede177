import { describe, expect, it } from "vitest";
import { BASE_DELAY_MS, nextRetry, retryDelayMs, RETRY_WINDOW_MS, waitedBeforeMs } from "./backoff";

const MINUTE = 60_000;
const t0 = new Date("2026-03-02T10:00:00Z");

describe("retry back-off", () => {
  it("waits 5 minutes after the first temporary failure, then 1.3 times longer each time", () => {
    expect(retryDelayMs(0)).toBe(5 * MINUTE);
    expect(retryDelayMs(1)).toBeCloseTo(6.5 * MINUTE, 6);
    expect(retryDelayMs(2)).toBeCloseTo(8.45 * MINUTE, 6);
    expect(retryDelayMs(10) / retryDelayMs(9)).toBeCloseTo(1.3, 9);
  });

  it("schedules the retry from now, with the jitter only ever lengthening the wait", () => {
    const low = nextRetry(0, t0, () => 0);
    const high = nextRetry(0, t0, () => 1);
    expect(low).toEqual({ retry: true, at: new Date(t0.getTime() + 5 * MINUTE) });
    expect(high).toEqual({ retry: true, at: new Date(t0.getTime() + 5.5 * MINUTE) });
    const odd = nextRetry(3, t0, () => Number.NaN);
    expect(odd.retry && odd.at.getTime() - t0.getTime()).toBe(Math.round(retryDelayMs(3)));
  });

  it("adds the waits up exactly", () => {
    let sum = 0;
    for (let n = 0; n < 20; n++) {
      expect(waitedBeforeMs(n)).toBeCloseTo(sum, 3);
      sum += retryDelayMs(n);
    }
  });

  it("keeps trying for at least 24 hours, then gives up", () => {
    // Follow one letter failing every time, with the shortest waits the jitter allows.
    let now = t0;
    let failures = 0;
    for (;;) {
      const decision = nextRetry(failures, now, () => 0);
      if (!decision.retry) break;
      expect(decision.at.getTime()).toBeGreaterThan(now.getTime());
      now = decision.at;
      failures++;
      expect(failures).toBeLessThan(100);
    }
    const tried = now.getTime() - t0.getTime();
    expect(tried).toBeGreaterThanOrEqual(RETRY_WINDOW_MS);
    // …and not absurdly long: the last wait is the only one past the day.
    expect(tried - retryDelayMs(failures - 1)).toBeLessThan(RETRY_WINDOW_MS);
    expect(failures).toBe(18);
    // The 18th failure (n = 17) still gets a retry; the 19th attempt's failure ends it.
    expect(nextRetry(17, t0).retry).toBe(true);
    expect(nextRetry(18, t0).retry).toBe(false);
    expect(BASE_DELAY_MS).toBe(5 * MINUTE);
  });
});
