import { describe, expect, it } from "vitest";
import { fromLoopback } from "./from-loopback";

const h = (entries: Record<string, string>) => new Headers(entries);

describe("fromLoopback", () => {
  it("takes a request from this machine, also with the X-Forwarded-For that next start adds from the socket", () => {
    expect(fromLoopback(h({ "x-ul-peer": "127.0.0.1" }))).toBe(true);
    expect(fromLoopback(h({ "x-ul-peer": "::ffff:127.0.0.1", "x-forwarded-for": "::ffff:127.0.0.1" }))).toBe(true);
  });
  it("refuses one a proxy on this machine forwarded, and one from elsewhere", () => {
    expect(fromLoopback(h({ "x-ul-peer": "127.0.0.1", "x-forwarded-for": "203.0.113.9" }))).toBe(false);
    expect(fromLoopback(h({ "x-ul-peer": "127.0.0.1", "x-forwarded-for": "203.0.113.9, 127.0.0.1" }))).toBe(false);
    expect(fromLoopback(h({ "x-ul-peer": "127.0.0.1", forwarded: "for=203.0.113.9" }))).toBe(false);
    expect(fromLoopback(h({ "x-ul-peer": "203.0.113.9", "x-forwarded-for": "203.0.113.9" }))).toBe(false);
    expect(fromLoopback(h({}))).toBe(false);
  });
});
