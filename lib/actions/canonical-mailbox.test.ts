import { describe, expect, it } from "vitest";
import { canonicalMailbox } from "./canonical-mailbox";

describe("canonicalMailbox", () => {
  it("counts letter case, +tags and Gmail's dots as one mailbox", () => {
    const one = ["victim@gmail.com", "Victim+1@gmail.com", "victim+2@Gmail.com", "v.i.c.t.i.m@gmail.com", "VICTIM@googlemail.com", " victim@gmail.com "];
    expect(new Set(one.map(canonicalMailbox))).toEqual(new Set(["victim@gmail.com"]));
  });

  it("keeps dots elsewhere, where they can name another mailbox", () => {
    expect(canonicalMailbox("marie.tremblay@example.org")).toBe("marie.tremblay@example.org");
    expect(canonicalMailbox("marie.tremblay+news@Example.org")).toBe("marie.tremblay@example.org");
    expect(canonicalMailbox("mt@example.org")).not.toBe(canonicalMailbox("m.t@example.org"));
  });
});
