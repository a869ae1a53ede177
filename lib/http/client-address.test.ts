import { describe, expect, it } from "vitest";
import { clientAddress } from "./client-address";

const headers = (init: Record<string, string>) => new Headers(init);

describe("the client's address", () => {
  it("is the entry the nearest trusted proxy added, not one the client wrote", () => {
    // The client sent "X-Forwarded-For: 6.6.6.6"; the proxy appended the address it saw.
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7" }), 1)).toBe("203.0.113.7");
  });

  it("counts back one entry per trusted proxy", () => {
    // client → CDN (adds the client) → load balancer (adds the CDN)
    expect(clientAddress(headers({ "x-forwarded-for": "6.6.6.6, 203.0.113.7, 198.51.100.2" }), 2)).toBe("203.0.113.7");
  });

  it("is the only entry when there is one, as Next.js writes it from the socket", () => {
    expect(clientAddress(headers({ "x-forwarded-for": "::1" }), 1)).toBe("::1");
    expect(clientAddress(headers({ "x-forwarded-for": "192.0.2.1" }), 3)).toBe("192.0.2.1");
  });

  it("is one shared bucket when there is no header at all", () => {
    expect(clientAddress(headers({}), 1)).toBe("unknown");
  });
});
