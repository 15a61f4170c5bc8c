/** A small JSON client for the real server's API, as an API client would call it. */
import { TIERS, toBase64, encodeLog, type InputLog, type Tier } from "../../game/core";
import { demoEnvironment } from "../../server/demo/human-player";

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

export type ApiClient = ReturnType<typeof apiClient>;

export function apiClient(baseUrl: string) {
  async function call<T = any>(
    method: string,
    path: string,
    options: { body?: unknown; raw?: string; token?: string; headers?: Record<string, string> } = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined || options.raw !== undefined) headers["content-type"] = "application/json";
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers,
      body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
  }
  return {
    call,
    get: <T = any>(path: string, token?: string) => call<T>("GET", path, { token }),
    post: <T = any>(path: string, body: unknown, token?: string) => call<T>("POST", path, { body, token }),
    /** A new player with a unique handle; returns its id and token. `headers`: e.g. the proxy's X-Forwarded-For. */
    async player(prefix = "p", headers?: Record<string, string>): Promise<{ id: string; handle: string; token: string }> {
      const handle = `${prefix}${Math.random().toString(36).slice(2, 10)}`.slice(0, 20);
      const res = await call("POST", "/api/players", { body: { handle }, headers });
      if (res.status !== 201) throw new Error(`player creation failed: ${res.status} ${JSON.stringify(res.body)}`);
      return { id: res.body.player.id, handle, token: res.body.token };
    },
  };
}

/** The environment a client reports for a run on `tier` with the bots' settings. */
export const environmentFor = (tier: Tier = TIERS.free) => demoEnvironment(tier, "flickboard-tests");

export function finishBody(log: InputLog, tier: Tier = TIERS.free, extra: Record<string, unknown> = {}) {
  return { log: toBase64(encodeLog(log)), environment: environmentFor(tier), ...extra };
}
