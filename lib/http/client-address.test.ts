import { describe, expect, it } from "vitest";
import { clientAddress, clientAddressOf } from "./client-address";

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

  it("ignores X-Forwarded-For from a client that came straight to the app, not through a proxy", () => {
    // The socket's address (x-ul-peer) is public: nobody proxied this request, so the header is the client's own.
    expect(clientAddressOf(headers({ "x-ul-peer": "203.0.113.50", "x-forwarded-for": "6.6.6.6" }), 1)).toEqual({ address: "203.0.113.50", direct: true });
    expect(clientAddressOf(headers({ "x-ul-peer": "::ffff:203.0.113.50" }), 1)).toEqual({ address: "203.0.113.50", direct: true });
    // Through a proxy on this machine or a private network, the proxy's entry counts.
    expect(clientAddress(headers({ "x-ul-peer": "127.0.0.1", "x-forwarded-for": "6.6.6.6, 203.0.113.7" }), 1)).toBe("203.0.113.7");
    expect(clientAddress(headers({ "x-ul-peer": "10.1.2.3", "x-forwarded-for": "203.0.113.7" }), 1)).toBe("203.0.113.7");
    // With no proxy configured, the peer is always the client.
    expect(clientAddress(headers({ "x-ul-peer": "127.0.0.1", "x-forwarded-for": "6.6.6.6" }), 0)).toBe("127.0.0.1");
  });
});
