/** Which database a DATABASE_URL points at. */
import path from "node:path";

export type Provider = "sqlite" | "postgresql";

export function providerOf(databaseUrl: string): Provider {
  if (databaseUrl.startsWith("file:")) return "sqlite";
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return "postgresql";
  throw new Error(`Unsupported DATABASE_URL (expected file: or postgres://): ${databaseUrl}`);
}

/** The file a SQLite URL names, resolved against the working directory. */
export function sqliteFile(databaseUrl: string): string {
  return path.resolve(databaseUrl.slice("file:".length).split("?")[0]);
}
