/**
 * Security headers for every answer the server gives: pages, API answers, static files.
 *
 * The Content-Security-Policy allows scripts only with a nonce that is new for every request.
 * Next.js reads that nonce from the *request's* `content-security-policy` header (see
 * next/dist/server/app-render/get-script-nonce-from-header.js) and puts it on every script it
 * renders, so the server writes the policy both onto the request (for Next) and onto the response
 * (for the browser). Pages must render per request for this to work: the root layout makes sure.
 * docs/security.md explains each header.
 */
import crypto from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";

export interface SecurityOptions {
  /** Development server: React's dev tools and Next's hot reload evaluate code at run time. */
  dev: boolean;
  /** Served over HTTPS (directly or behind a trusted proxy): browsers may be told to insist on it. */
  secure: boolean;
}

/** Random bytes drawn from the CSPRNG a block at a time: one call per 256 nonces instead of one each. */
const NONCE_BYTES = 16;
const pool = Buffer.alloc(NONCE_BYTES * 256);
let used = pool.length;

/** 16 random bytes, base64: an unguessable CSP nonce in the form Next.js accepts (each random byte used once). */
export function newNonce(): string {
  if (used === pool.length) {
    crypto.randomFillSync(pool);
    used = 0;
  }
  used += NONCE_BYTES;
  return pool.toString("base64", used - NONCE_BYTES, used);
}

/** The Content-Security-Policy for one answer, whose scripts carry `nonce`. */
export function contentSecurityPolicy(nonce: string, { dev, secure }: SecurityOptions): string {
  const directives: Record<string, string[]> = {
    "default-src": ["'self'"],
    // 'strict-dynamic': a nonced script may load further chunks (Next's router does); 'self' only
    // serves browsers without CSP level 3, which ignore 'strict-dynamic'.
    "script-src": ["'self'", `'nonce-${nonce}'`, "'strict-dynamic'", ...(dev ? ["'unsafe-eval'"] : [])],
    // Stylesheets are files; React and three.js set styles through the CSSOM, which CSP does not
    // govern, so production allows no style attributes or unnonced <style> elements. Next's dev
    // tools inject <style> elements without the nonce ('unsafe-inline' counts only with no nonce).
    "style-src": dev ? ["'self'", "'unsafe-inline'"] : ["'self'", `'nonce-${nonce}'`],
    "img-src": ["'self'"],
    "font-src": ["'self'"],
    // fetch and socket.io to this origin ('self' covers ws:/wss: to it as well).
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'none'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
  };
  const policy = Object.entries(directives).map(([name, sources]) => `${name} ${sources.join(" ")}`);
  if (secure) policy.push("upgrade-insecure-requests");
  return policy.join("; ");
}

/** Every response header, given the answer's nonce. */
export function securityHeaders(nonce: string, options: SecurityOptions): Record<string, string> {
  return {
    "Content-Security-Policy": contentSecurityPolicy(nonce, options),
    // For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    // Full URLs within the site, nothing to other sites. Unlike no-referrer, it keeps the Origin
    // header on same-origin POSTs, which the same-origin check of writes relies on.
    "Referrer-Policy": "same-origin",
    // The game needs pointer lock (not a permissions-policy feature) and may go fullscreen;
    // nothing here needs sensors, camera, microphone, location, payments or devices.
    "Permissions-Policy": [
      "fullscreen=(self)",
      "camera=()",
      "microphone=()",
      "geolocation=()",
      "accelerometer=()",
      "gyroscope=()",
      "magnetometer=()",
      "payment=()",
      "usb=()",
      "serial=()",
      "hid=()",
      "display-capture=()",
    ].join(", "),
    ...(options.secure ? { "Strict-Transport-Security": "max-age=31536000; includeSubDomains" } : {}),
  };
}

/**
 * Sets the security headers on `res` and hands this request's nonce to Next.js through the request's
 * `content-security-policy` header (replacing any the client sent). Returns the nonce.
 */
export function applySecurityHeaders(req: IncomingMessage, res: ServerResponse, options: SecurityOptions): string {
  const nonce = newNonce();
  const headers = securityHeaders(nonce, options);
  req.headers["content-security-policy"] = headers["Content-Security-Policy"];
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  return nonce;
}
