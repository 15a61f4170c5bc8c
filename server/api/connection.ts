/**
 * The client's address and scheme as server/http.ts resolved them (security/proxy.ts), passed to
 * route handlers in headers of our own. server/http.ts overwrites any client-sent copy, so a route
 * handler can trust them.
 */
export const CONNECTION_HEADERS = { ip: "x-flickboard-client-ip", https: "x-flickboard-https" } as const;

export function connectionOf(headers: { get(name: string): string | null }): { ip: string; https: boolean } {
  return { ip: headers.get(CONNECTION_HEADERS.ip) ?? "unknown", https: headers.get(CONNECTION_HEADERS.https) === "1" };
}
