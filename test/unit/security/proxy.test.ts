import { describe, expect, it } from "vitest";
import { parseTrustProxy, resolveConnection, TrustProxyError } from "../../../server/security/proxy";

const peer = (address: string, encrypted = false) => ({ address, encrypted });

describe("parseTrustProxy", () => {
  it("reads none, hop counts and address lists", () => {
    expect(parseTrustProxy(undefined)).toEqual({ kind: "none" });
    expect(parseTrustProxy("false")).toEqual({ kind: "none" });
    expect(parseTrustProxy("0")).toEqual({ kind: "none" });
    expect(parseTrustProxy("2")).toEqual({ kind: "hops", hops: 2 });
    expect(parseTrustProxy("10.0.0.0/8, 192.168.1.7, ::1, fd00::/8").kind).toBe("list");
  });

  it.each(["true", "10.0.0.0/33", "not-an-ip", "10.0.0.1/8/2", "fd00::/129", "10.0.0.0/x"])("refuses %j with a reason", (value) => {
    expect(() => parseTrustProxy(value)).toThrow(TrustProxyError);
  });
});

describe("resolveConnection", () => {
  it("without trusted proxies, the socket's peer is the client and forwarded headers are ignored", () => {
    expect(resolveConnection(parseTrustProxy("false"), peer("203.0.113.9"), "1.2.3.4", "https")).toEqual({ ip: "203.0.113.9", https: false });
  });

  it("with one hop, takes the address our proxy appended, not the client-written ones to its left", () => {
    const hops = parseTrustProxy("1");
    expect(resolveConnection(hops, peer("10.0.0.2"), "6.6.6.6, 7.7.7.7, 198.51.100.4", "https").ip).toBe("198.51.100.4");
    expect(resolveConnection(hops, peer("10.0.0.2"), "198.51.100.4", "https")).toEqual({ ip: "198.51.100.4", https: true });
    // More hops than entries: the left-most is the best there is.
    expect(resolveConnection(parseTrustProxy("3"), peer("10.0.0.2"), "198.51.100.4", undefined).ip).toBe("198.51.100.4");
  });

  it("with an address list, walks from the right past every trusted proxy", () => {
    const list = parseTrustProxy("10.0.0.0/8,127.0.0.1");
    expect(resolveConnection(list, peer("127.0.0.1"), "6.6.6.6, 198.51.100.4, 10.1.2.3", undefined).ip).toBe("198.51.100.4");
    // A client that writes a trusted-looking address to the left gains nothing: the walk stops at the first untrusted one.
    expect(resolveConnection(list, peer("127.0.0.1"), "10.9.9.9, 198.51.100.4", undefined).ip).toBe("198.51.100.4");
    // Not from a trusted proxy at all: its forwarded headers mean nothing.
    expect(resolveConnection(list, peer("198.51.100.77"), "6.6.6.6", "https")).toEqual({ ip: "198.51.100.77", https: false });
  });

  it("believes X-Forwarded-Proto only from a trusted proxy, and normalises IPv4-mapped IPv6", () => {
    const list = parseTrustProxy("127.0.0.1");
    expect(resolveConnection(list, peer("::ffff:127.0.0.1"), "198.51.100.4", "http, https")).toEqual({ ip: "198.51.100.4", https: true });
    expect(resolveConnection(list, peer("::1"), "198.51.100.4", "https")).toEqual({ ip: "::1", https: false });
    expect(resolveConnection(parseTrustProxy("false"), peer("::1", true), undefined, undefined)).toEqual({ ip: "::1", https: true });
  });
});
