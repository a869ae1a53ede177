import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isSafeDisplayName, isSafeLine, isSafeText } from "./text-rules";

describe("the text rule", () => {
  it("takes every script people write in, and line breaks in a block", () => {
    for (const text of ["Әсем Қайратқызы", "Жанар Секербаева", "Seán Ó Briain", "محمد", "李雷", "emoji 🙂 ok", "tab\there"]) expect(isSafeLine(text)).toBe(true);
    expect(isSafeText("two\nlines")).toBe(true);
    expect(isSafeLine("two\nlines")).toBe(false);
  });

  it("refuses lone surrogates, NUL and control characters, bidi overrides and isolates, private use", () => {
    for (const text of ["Eve \udfff", "\ud800x", "a\u0000b", "a\u0007b", "a\u202Eb", "a\u2067b", "a\uE000b", "a\u{F0001}b"]) {
      expect({ text, safe: isSafeText(text) }).toEqual({ text, safe: false });
    }
  });

  it("refuses a display name that could pass for an address or an encoded word", () => {
    expect(isSafeDisplayName("Marie Tremblay")).toBe(true);
    for (const name of ["boss@x <boss@kazembassy.example>", "a > b", "=?utf-8?q?x?="]) expect(isSafeDisplayName(name)).toBe(false);
  });

  it("agrees with String.prototype.isWellFormed on any string", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        const wellFormed = s.isWellFormed();
        if (!wellFormed) expect(isSafeText(s)).toBe(false);
      }),
      { seed: 8, numRuns: 2000 },
    );
  });
});
