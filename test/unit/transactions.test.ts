/**
 * One transaction helper with one retry policy: every interactive transaction goes through
 * server/db/transact.ts. A bare `db.$transaction(...)` elsewhere has no retry, and fails with
 * "Operation has timed out" when another process holds SQLite's write lock a few seconds (CI saw
 * it on an admin account made while the server's scheduler was closing weeks).
 */
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(__dirname, "../..");
/** The helper itself, and the prepared-statement path that wraps a batch in the driver's transaction. */
const ALLOWED = new Set(["server/db/transact.ts", "server/db/sql.ts"]);

function sources(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((e) => {
    const rel = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === "generated" || e.name === "node_modules" ? [] : sources(rel);
    return /\.tsx?$/.test(e.name) ? [rel] : [];
  });
}

describe("transactions", () => {
  it("go through transact() everywhere in the app", () => {
    const files = ["server", "app", "lib", "scripts"].flatMap(sources);
    expect(files.length).toBeGreaterThan(100);
    const bare = files.filter((f) => !ALLOWED.has(f) && /\.\$transaction\(/.test(fs.readFileSync(path.join(ROOT, f), "utf8")));
    expect(bare).toEqual([]);
  });
});
