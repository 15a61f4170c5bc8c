/**
 * Same-origin rules, shared by the HTTP endpoint wrapper and socket.io. A browser tells us where a
 * request comes from with `Origin` (sent on every cross-origin request and on same-origin
 * mutations) and `Sec-Fetch-Site`; non-browser clients send neither. So:
 * - a request that shows another origin is refused (CSRF from another site, port or subdomain);
 * - a request authenticated by the session cookie must show it is same-origin (the cookie is the
 *   one credential a browser attaches by itself);
 * - a request with a Bearer token or no credentials may come without either header.
 *
 * The app's own origin is PUBLIC_URL's when configured; otherwise the scheme and Host the request
 * arrived with (a browser cannot forge the Host of the site it is sending to).
 */

export interface HeaderReader {
  get(name: string): string | null;
}

/** The origin the app is served from, for this request. */
export function ownOrigin(publicUrl: string | undefined, host: string | null, https: boolean): string | null {
  if (publicUrl) return new URL(publicUrl).origin;
  return host ? `${https ? "https" : "http"}://${host.toLowerCase()}` : null;
}

/** Says why a request shows another origin, or null when it shows none. */
export function foreignOrigin(headers: HeaderReader, own: string | null): string | null {
  const site = headers.get("sec-fetch-site");
  if (site && site !== "same-origin" && site !== "none") return `the request came from a ${site} page`;
  const origin = headers.get("origin");
  if (origin !== null && origin !== own) return `the request came from ${origin}`;
  return null;
}

/** Whether the request shows, positively, that it comes from the app's own pages. */
export function showsSameOrigin(headers: HeaderReader, own: string | null): boolean {
  return headers.get("sec-fetch-site") === "same-origin" || (own !== null && headers.get("origin") === own);
}
