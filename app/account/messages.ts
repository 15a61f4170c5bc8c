/** What to tell the player when an account action fails: the API's own message, or the browser's passkey refusal in plain words. */
import type { ApiFailure } from "@/game/client/api";

export function failureMessage(err: unknown, fallback: string): string {
  const api = err as Partial<ApiFailure>;
  if (typeof api.status === "number" && api.message) return api.message;
  if (err instanceof Error) {
    // @simplewebauthn/browser's WebAuthnError keeps the browser's DOMException name.
    if (err.name === "NotAllowedError") return "The passkey request was cancelled or timed out.";
    if (err.name === "InvalidStateError") return "This device already holds a passkey for your account.";
    if (err.name === "TypeError") return `${fallback} The server could not be reached.`;
  }
  return fallback;
}
