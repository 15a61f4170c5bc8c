/**
 * "Build if needed": the production build is redone when the sources it was made from changed.
 * The fingerprint is the path, size and modification time of every source file, so checking it
 * costs a directory walk, not a build.
 */
import { spawnSync } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["app", "bundler", "game", "lib", "server", "public", "next.config.js", "package-lock.json", "tsconfig.json"];
const SKIP = new Set(["node_modules", ".next", "generated"]);

function walk(file: string, into: string[]): void {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(file);
  } catch {
    return;
  }
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(file).sort()) if (!SKIP.has(name)) walk(path.join(file, name), into);
  } else {
    into.push(`${file}:${stat.size}:${stat.mtimeMs}`);
  }
}

export function sourceFingerprint(root: string): string {
  const lines: string[] = [];
  for (const source of SOURCES) walk(path.join(root, source), lines);
  return crypto.createHash("sha256").update(lines.join("\n")).digest("hex");
}

/** Builds with `next build` unless .next holds a build of the current sources. Returns whether it built. */
export function ensureBuild(root: string, log: (m: string) => void = console.log): boolean {
  const stamp = path.join(root, ".next", "flickboard-sources");
  const fingerprint = sourceFingerprint(root);
  const built =
    fs.existsSync(path.join(root, ".next", "BUILD_ID")) &&
    fs.existsSync(stamp) &&
    fs.readFileSync(stamp, "utf8") === fingerprint;
  if (built) return false;
  log("building the app (next build)…");
  const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
  const result = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NODE_ENV: "production" },
  });
  if (result.status !== 0) throw new Error(`next build failed (exit ${result.status})`);
  fs.writeFileSync(stamp, fingerprint);
  return true;
}
