import { IncomingMessage, ServerResponse } from "node:http";
import { Socket } from "node:net";
import { getScriptNonceFromHeader } from "next/dist/server/app-render/get-script-nonce-from-header";
import { describe, expect, it } from "vitest";
import { applySecurityHeaders, contentSecurityPolicy, newNonce, securityHeaders } from "../../../server/security/headers";

const production = { dev: false, secure: false };

/** The sources of one directive of a policy. */
function directive(policy: string, name: string): string[] {
  const found = policy.split("; ").find((d) => d.split(" ")[0] === name);
  return found ? found.split(" ").slice(1) : [];
}

describe("newNonce", () => {
  it("is 128 random bits in base64, new every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("contentSecurityPolicy", () => {
  it("is the nonce Next.js reads back from the request header", () => {
    const nonce = newNonce();
    expect(getScriptNonceFromHeader(contentSecurityPolicy(nonce, production))).toBe(nonce);
    expect(getScriptNonceFromHeader(contentSecurityPolicy(nonce, { dev: true, secure: true }))).toBe(nonce);
  });

  it("allows in production only nonced scripts: no eval, no inline, no unsafe-anything", () => {
    const policy = contentSecurityPolicy("abc", production);
    expect(directive(policy, "script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'"]);
    expect(directive(policy, "style-src")).toEqual(["'self'", "'nonce-abc'"]);
    expect(policy).not.toContain("unsafe-");
    expect(directive(policy, "frame-ancestors")).toEqual(["'none'"]);
    expect(directive(policy, "object-src")).toEqual(["'none'"]);
    expect(directive(policy, "base-uri")).toEqual(["'none'"]);
    expect(directive(policy, "connect-src")).toEqual(["'self'"]);
  });

  it("allows eval and inline styles in development, and nothing else more", () => {
    const dev = contentSecurityPolicy("abc", { dev: true, secure: false });
    expect(directive(dev, "script-src")).toEqual(["'self'", "'nonce-abc'", "'strict-dynamic'", "'unsafe-eval'"]);
    expect(directive(dev, "style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    const rest = (policy: string) => policy.split("; ").filter((d) => !/^(script|style)-src /.test(d));
    expect(rest(dev)).toEqual(rest(contentSecurityPolicy("abc", production)));
  });

  it("upgrades insecure requests only when served over https", () => {
    expect(contentSecurityPolicy("abc", production)).not.toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy("abc", { dev: false, secure: true }).split("; ")).toContain("upgrade-insecure-requests");
  });
});

describe("securityHeaders", () => {
  it("forbids framing and sniffing, and keeps referrers on the site", () => {
    const headers = securityHeaders("abc", production);
    expect(headers["X-Frame-Options"]).toBe("DENY");
    expect(headers["X-Content-Type-Options"]).toBe("nosniff");
    expect(headers["Referrer-Policy"]).toBe("same-origin");
  });

  it("lets the site itself go fullscreen and denies devices and sensors", () => {
    const policy = securityHeaders("abc", production)["Permissions-Policy"].split(", ");
    expect(policy).toContain("fullscreen=(self)");
    for (const feature of ["camera", "microphone", "geolocation", "usb"]) expect(policy).toContain(`${feature}=()`);
  });

  it("sends HSTS only when served over https", () => {
    expect(securityHeaders("abc", production)).not.toHaveProperty("Strict-Transport-Security");
    expect(securityHeaders("abc", { dev: false, secure: true })["Strict-Transport-Security"]).toBe("max-age=31536000; includeSubDomains");
    expect(securityHeaders("abc", { dev: true, secure: true })).toHaveProperty("Strict-Transport-Security");
  });
});

describe("applySecurityHeaders", () => {
  it("sets the response headers and replaces the client's request CSP with this answer's", () => {
    const req = new IncomingMessage(new Socket());
    req.headers["content-security-policy"] = "script-src 'nonce-chosenbytheclient'";
    const res = new ServerResponse(req);
    const nonce = applySecurityHeaders(req, res, production);
    const expected = securityHeaders(nonce, production);
    expect(req.headers["content-security-policy"]).toBe(expected["Content-Security-Policy"]);
    for (const [name, value] of Object.entries(expected)) expect(res.getHeader(name)).toBe(value);
    expect(getScriptNonceFromHeader(String(req.headers["content-security-policy"]))).toBe(nonce);
  });
});
