/**
 * The dashboard's client components call the admin API through this: JSON in and out, the session
 * cookie sent by the browser (same-origin), and an API error turned into its message.
 */
import type { ErrorBody } from "@/lib/contracts/errors";

export type AdminCall<T> = { ok: true; status: number; body: T } | { ok: false; status: number; code: string; message: string };

export async function adminFetch<T>(method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<AdminCall<T>> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    return { ok: false, status: 0, code: "network", message: "The server did not answer; try again." };
  }
  const text = await res.text();
  const json = text ? JSON.parse(text) : null;
  if (res.ok) return { ok: true, status: res.status, body: json as T };
  const error = (json as ErrorBody | null)?.error;
  return { ok: false, status: res.status, code: error?.code ?? "error", message: error?.message ?? `The server answered ${res.status}.` };
}
