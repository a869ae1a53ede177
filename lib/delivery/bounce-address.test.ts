import { describe, expect, it } from "vitest";
import { bounceAddressFor, idFromBounceAddress } from "./bounce-address";

const id = "0b6f7a52-3c1d-4e8a-9f2b-5d4c3b2a1f00";
const settings = { mailFrom: "letters@urgent-letters.test" };

describe("the letters' return paths (VERP)", () => {
  it("names the letter in the return path, on the MAIL_FROM domain or BOUNCE_ADDRESS's", () => {
    expect(bounceAddressFor(id, settings)).toBe(`bounces+${id}@urgent-letters.test`);
    expect(bounceAddressFor(id.toUpperCase(), { ...settings, bounceAddress: "returns@bounces.urgent-letters.test" })).toBe(`returns+${id}@bounces.urgent-letters.test`);
    // A test letter's id is not one of ours: the plain base, which the receiver refuses.
    expect(bounceAddressFor("test-abc", settings)).toBe("bounces@urgent-letters.test");
  });

  it("reads the id back only from our own addresses", () => {
    expect(idFromBounceAddress(`bounces+${id}@urgent-letters.test`, settings)).toBe(id);
    expect(idFromBounceAddress(`Bounces+${id.toUpperCase()}@URGENT-LETTERS.test`, settings)).toBe(id);
    for (const other of [
      "bounces@urgent-letters.test",
      `bounces+${id}@elsewhere.test`,
      `letters+${id}@urgent-letters.test`,
      `bounces+${id}+x@urgent-letters.test`,
      "bounces+not-a-uuid@urgent-letters.test",
      "no-at-sign",
    ]) {
      expect(idFromBounceAddress(other, settings), other).toBeUndefined();
    }
  });
});
