/**
 * Every API route goes through the endpoint wrapper (server/api/endpoint.ts): each route file
 * exports exactly the HTTP methods, each made by `endpoint` or `methods`. A new route that hand-rolls
 * a handler, or forgets a method (which Next would answer with an empty 405), fails here. Every
 * /api/admin route but the sign-in declares an admin session (`auth: "admin" | "staff"`); the
 * integration test test/integration/admin-auth.test.ts sends each one the requests it must refuse.
 */
import path from "node:path";
import { describe, expect, it } from "vitest";
import { authModeOf, HTTP_METHODS, isEndpoint, type RouteHandler } from "../../../server/api/endpoint";
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

  const adminFiles = files.filter((f) => f.startsWith("app/api/admin/"));
  it.each(adminFiles.filter((f) => f !== ADMIN_LOGIN))("%s takes an admin session on every method it serves", async (file) => {
    const mod: Record<string, RouteHandler> = await import(path.join(ROOT, file));
    const served = HTTP_METHODS.filter((m) => authModeOf(mod[m]!) !== undefined);
    expect(served.length, `methods of ${file}`).toBeGreaterThan(0);
    for (const method of served) expect(["admin", "staff"], `${method} ${file}`).toContain(authModeOf(mod[method]!));
  });

  it("has exactly one admin route open without a session: the sign-in", async () => {
    expect(adminFiles).toContain(ADMIN_LOGIN);
    const mod: Record<string, RouteHandler> = await import(path.join(ROOT, ADMIN_LOGIN));
    expect(HTTP_METHODS.filter((m) => authModeOf(mod[m]!) !== undefined).map((m) => [m, authModeOf(mod[m]!)])).toEqual([["POST", "none"]]);
  });
});

const ADMIN_LOGIN = "app/api/admin/login/route.ts";
