/**
 * The API's routes as the app defines them: every app/api/**\/route.ts file, read from disk, as a URL
 * template whose dynamic segments (`[id]`, `[...path]`, `[[...path]]`) are slots a test fills in.
 * A route added to the app is in this list without any test naming it.
 */
import fs from "node:fs";
import path from "node:path";

export type RouteSegment =
  | { kind: "static"; value: string }
  | { kind: "param"; name: string }
  /** `[...name]` (one or more segments) or `[[...name]]` (zero or more). */
  | { kind: "catchAll"; name: string; optional: boolean };

export interface ApiRoute {
  /** The URL path with Next's folder names, e.g. `/api/runs/[runId]/finish`. */
  template: string;
  segments: RouteSegment[];
}

const root = path.resolve(import.meta.dirname, "..", "..");

function segmentOf(folder: string): RouteSegment | null {
  if (/^\(.*\)$/.test(folder)) return null; // a route group: not part of the URL
  let m = /^\[\[\.\.\.(.+)\]\]$/.exec(folder);
  if (m) return { kind: "catchAll", name: m[1]!, optional: true };
  m = /^\[\.\.\.(.+)\]$/.exec(folder);
  if (m) return { kind: "catchAll", name: m[1]!, optional: false };
  m = /^\[(.+)\]$/.exec(folder);
  if (m) return { kind: "param", name: m[1]! };
  return { kind: "static", value: folder };
}

function routeFiles(dir: string, into: string[]): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) routeFiles(file, into);
    else if (/^route\.(ts|tsx|js|mjs)$/.test(entry.name)) into.push(file);
  }
  return into;
}

/** Every route under app/api, sorted by template. */
export function apiRoutes(appDir = path.join(root, "app")): ApiRoute[] {
  return routeFiles(path.join(appDir, "api"), [])
    .map((file) => {
      const folders = path.relative(appDir, path.dirname(file)).split(path.sep);
      const segments = folders.map(segmentOf).filter((s): s is RouteSegment => s !== null);
      const template = "/" + folders.filter((f) => segmentOf(f) !== null).join("/");
      return { template, segments };
    })
    .sort((a, b) => a.template.localeCompare(b.template));
}
