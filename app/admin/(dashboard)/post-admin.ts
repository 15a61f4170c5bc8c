/** For the dashboard's forms: a JSON POST to the admin API, answering the body (null for 204) or the error's message. */
import type { ErrorBody } from "@/lib/contracts/errors";

export async function postAdmin<T>(url: string, body: unknown): Promise<{ value: T } | { error: string }> {
  try {
    const res = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    const text = await res.text();
    if (res.ok) return { value: (text ? JSON.parse(text) : null) as T };
    return { error: (JSON.parse(text) as ErrorBody).error.message };
  } catch {
    return { error: "The server did not answer; try again." };
  }
}
