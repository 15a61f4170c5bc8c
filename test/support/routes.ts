/** The app's routes, read from its files, so tests cover a route added later without being edited. */
import fs from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "../..");

/** Every file named `name` under app/`under`, as paths relative to the repository root. */
function appFiles(under: string, name: string): string[] {
  return fs
    .readdirSync(path.join(ROOT, "app", under), { recursive: true, encoding: "utf8" })
    .filter((f) => path.basename(f) === name)
    .map((f) => path.join("app", under, f))
    .sort();
}

/** Every API route file (app/api/** /route.ts). */
export const apiRouteFiles = () => appFiles("api", "route.ts");

/** Every page file under app/`under` (e.g. "admin"). */
export const pageFiles = (under: string) => appFiles(under, "page.tsx");

/**
 * The URL path a route or page file serves, with each dynamic segment filled in: `[id]` with
 * `dummy-id`, `[...rest]` with `dummy/path`, `[[...rest]]` with nothing. Route groups `(name)` are
 * not part of the path.
 */
export function urlPathOf(file: string): string {
  const segments = path
    .dirname(file)
    .split(path.sep)
    .slice(1)
    .filter((s) => !/^\(.+\)$/.test(s))
    .map((s) => (s.startsWith("[[...") ? "" : s.startsWith("[...") ? "dummy/path" : s.startsWith("[") ? "dummy-id" : s))
    .filter(Boolean);
  return `/${segments.join("/")}`;
}
