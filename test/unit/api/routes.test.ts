/**
 * Every API route goes through the endpoint wrapper (server/api/endpoint.ts): each route file
 * exports exactly the HTTP methods, each made by `endpoint` or `methods`. A new route that hand-rolls
 * a handler, or forgets a method (which Next would answer with an empty 405), fails here.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HTTP_METHODS, isEndpoint } from "../../../server/api/endpoint";
import { apiRouteFiles, ROOT } from "../../support/routes";

/** Exports Next reads as route configuration rather than handlers. */
const CONFIG_EXPORTS = new Set(["dynamic", "revalidate", "runtime", "fetchCache", "preferredRegion", "maxDuration"]);

describe("API routes", () => {
  const files = apiRouteFiles();

  it("finds the routes", () => {
    expect(files).toContain("app/api/runs/route.ts");
    expect(files.length).toBeGreaterThanOrEqual(10);
  });

  it.each(files)("%s exports every method through the wrapper, and nothing else", async (file) => {
    const mod: Record<string, unknown> = await import(path.join(ROOT, file));
    for (const method of HTTP_METHODS) expect(isEndpoint(mod[method]), `${method} in ${file}`).toBe(true);
    const others = Object.keys(mod).filter((k) => !HTTP_METHODS.includes(k as never) && !CONFIG_EXPORTS.has(k));
    expect(others, `unexpected exports in ${file}`).toEqual([]);
  });
});
