/**
 * What every operator command shares: flags parsed strictly with a usage line, a failure that says
 * what is wrong and exits 2, the configuration (with .env) and the database.
 */
import fs from "node:fs";
import { parseArgs, type ParseArgsConfig } from "node:util";
import { ConfigError, loadConfig, type Config } from "../server/config";
import { createDb, type Db } from "../server/db/client";

export function fail(message: string, code = 2): never {
  console.error(message);
  process.exit(code);
}

/** Parses the command's flags (`--help` prints the usage); a bad flag fails with the usage. */
export function parseFlags<const O extends NonNullable<ParseArgsConfig["options"]>>(usage: string, options: O) {
  const args = process.argv.slice(2);
  if (args.includes("--help") || args.includes("-h")) {
    console.log(usage);
    process.exit(0);
  }
  const config = { args, options, strict: true as const, allowPositionals: false as const };
  try {
    return parseArgs(config).values;
  } catch (err) {
    fail(`${(err as Error).message}\n${usage}`);
  }
}

/** The configuration from the environment (and .env), or a failure naming the bad variables. */
export function commandConfig(): Config {
  if (fs.existsSync(".env")) process.loadEnvFile(".env");
  try {
    return loadConfig();
  } catch (err) {
    fail(err instanceof ConfigError ? err.message : String(err));
  }
}

/** Runs `work` with the database, reporting a thrown error's message and exiting 1 on it. */
export async function withDb(config: Config, work: (db: Db) => Promise<number | void>): Promise<void> {
  const db = createDb(config.DATABASE_URL);
  try {
    process.exitCode = (await work(db)) ?? 0;
  } catch (err) {
    console.error(err instanceof Error ? err.message : err);
    process.exitCode = 1;
  } finally {
    await db.$disconnect();
  }
}
