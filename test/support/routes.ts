/**
 * The app's routes as its files declare them (every page.tsx and route.ts under app/), so a test of
 * "every page" or "every API route" covers a route added later without being edited.
 */
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

/** The URL pattern of an app file, e.g. "/play/[scenario]" for app/play/[scenario]/page.tsx. */
function urlPattern(file: string): string {
  const folders = path.relative("app", path.dirname(file)).split(path.sep);
  // Route groups "(name)" are not in the URL.
  return `/${folders.filter((f) => f !== "" && !/^\(.*\)$/.test(f)).join("/")}`;
}

/** URL patterns such as "/play/[scenario]" of every `file` (page.tsx or route.ts) under app/. */
export function appRoutes(file: "page.tsx" | "route.ts"): string[] {
  return appFiles("", file).map(urlPattern).sort();
}

export type RouteSegment =
  | { kind: "static"; value: string }
  | { kind: "param"; name: string }
  /** `[...name]` (one or more segments) or `[[...name]]` (zero or more). */
  | { kind: "catchAll"; name: string; optional: boolean };

export interface ApiRoute {
  /** The URL pattern with Next's folder names, e.g. `/api/runs/[runId]/finish`. */
  template: string;
  /** Its segments, the dynamic ones as slots a test fills in. */
  segments: RouteSegment[];
}

function segmentOf(folder: string): RouteSegment {
  let m = /^\[\[\.\.\.(.+)\]\]$/.exec(folder);
  if (m) return { kind: "catchAll", name: m[1]!, optional: true };
  m = /^\[\.\.\.(.+)\]$/.exec(folder);
  if (m) return { kind: "catchAll", name: m[1]!, optional: false };
  m = /^\[(.+)\]$/.exec(folder);
  if (m) return { kind: "param", name: m[1]! };
  return { kind: "static", value: folder };
}

/** Every API route, sorted by template. */
export function apiRoutes(): ApiRoute[] {
  return apiRouteFiles()
    .map(urlPattern)
    .sort()
    .map((template) => ({ template, segments: template.split("/").slice(1).map(segmentOf) }));
}

/**
 * `pattern` with each [name] (or catch-all [...name], [[...name]]) replaced by its value from
 * `params`; throws for one it lacks.
 */
export function fillRoute(pattern: string, params: Record<string, string>): string {
  return pattern.replace(/\[\[?(?:\.\.\.)?([^\]]+)\]\]?/g, (_, name: string) => {
    if (!(name in params)) throw new Error(`no sample value for [${name}] in ${pattern}: add one to the test`);
    return encodeURIComponent(params[name]!);
  });
}

/** Every page file under app/`under` (e.g. "admin"). */
export const pageFiles = (under: string) => appFiles(under, "page.tsx");

/**
 * The URL path a route or page file serves, with each dynamic segment filled in: `[id]` with
 * `dummy-id`, `[...rest]` with `dummy/path`, `[[...rest]]` with nothing.
 */
export function urlPathOf(file: string): string {
  const filled = urlPattern(file)
    .replace(/\/\[\[\.\.\.[^\]]+\]\]/g, "")
    .replace(/\[\.\.\.[^\]]+\]/g, "dummy/path")
    .replace(/\[[^\]]+\]/g, "dummy-id");
  return filled || "/";
}
