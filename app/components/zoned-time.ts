/**
 * Instants as the home page shows them, on the server and in the browser alike: a date and time in a
 * named time zone, and the time left until an instant.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

/** `iso` in `timeZone`, e.g. "Thu, Dec 3, 2026, 12:00 AM CST". */
export function formatInZone(iso: string, timeZone: string): string {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", year: "numeric", month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZoneName: "short" });
    formatters.set(timeZone, f);
  }
  return f.format(new Date(iso));
}

/** The time from `now` (ms) until `iso`, to the second: "6d 04h 09m 05s", "04h 09m 05s", ...; "0s" once it has passed. */
export function timeLeft(iso: string, now: number): string {
  const s = Math.max(0, Math.floor((Date.parse(iso) - now) / 1000));
  const parts: [number, string][] = [
    [Math.floor(s / 86400), "d"],
    [Math.floor((s % 86400) / 3600), "h"],
    [Math.floor((s % 3600) / 60), "m"],
    [s % 60, "s"],
  ];
  const first = parts.findIndex(([n]) => n > 0);
  if (first === -1) return "0s";
  return parts
    .slice(first)
    .map(([n, unit], i) => `${i === 0 ? n : String(n).padStart(2, "0")}${unit}`)
    .join(" ");
}
