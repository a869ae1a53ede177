import { describe, expect, it } from "vitest";
import { confirmQuestion } from "./confirm-question";

const official = (id: string, count: number) => ({ id, name: `Official ${id}`, count });

describe("the confirm step's question", () => {
  it("names the count, the status and the one official", () => {
    expect(confirmQuestion("cancel", { count: 3, byStatus: { queued: 3 }, officials: [official("a", 3)], officialCount: 1 })).toBe("Cancel 3 queued letters to Official a?");
    expect(confirmQuestion("retry", { count: 1, byStatus: { failed: 1 }, officials: [official("a", 1)], officialCount: 1 })).toBe("Retry 1 failed letter to Official a?");
  });

  it("splits the count by status, and names three officials and how many others", () => {
    const preview = { count: 9, byStatus: { queued: 7, held: 2 }, officials: [official("a", 4), official("b", 3), official("c", 1)], officialCount: 5 };
    expect(confirmQuestion("cancel", preview)).toBe("Cancel 9 letters (7 queued, 2 held) to Official a, Official b, Official c and 2 other officials?");
    expect(confirmQuestion("cancel", { ...preview, officials: preview.officials.slice(0, 2), officialCount: 2 })).toBe(
      "Cancel 9 letters (7 queued, 2 held) to Official a and Official b?",
    );
  });
});
