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
