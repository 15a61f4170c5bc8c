/**
 * The Prisma client for DATABASE_URL: SQLite through better-sqlite3 by default, PostgreSQL through
 * pg when the URL says so. The two generated clients come from one schema (see provider.ts), so the
 * domain code uses the SQLite client's types for both.
 */
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { providerOf, sqliteFile, type Provider } from "./provider";

export type Db = SqliteClient;

/** Marks a client with its provider (a global symbol: Next.js bundles may load this module twice). */
const PROVIDER = Symbol.for("flickboard.db.provider");

/**
 * Interactive transactions may wait longer than Prisma's default 2 s to begin: in a burst (40 sign-ups
 * or finishes at once, as at the end of an event) they queue for the pool's connections while other
 * requests' logs are replayed on the same event loop, and failing them would answer 500s. Measured on
 * PostgreSQL by test/integration/crash.test.ts. Calls that need more (closes) say so themselves.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

export function createDb(databaseUrl: string): Db {
  const provider = providerOf(databaseUrl);
  let db: Db;
  if (provider === "sqlite") {
    fs.mkdirSync(path.dirname(sqliteFile(databaseUrl)), { recursive: true });
    db = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: databaseUrl }), transactionOptions: TRANSACTION_OPTIONS });
  } else {
    db = new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }), transactionOptions: TRANSACTION_OPTIONS }) as unknown as Db;
  }
  Object.defineProperty(db, PROVIDER, { value: provider });
  return db;
}

/** Which database a client from createDb talks to. */
export function dbProvider(db: Db): Provider {
  const provider = (db as unknown as Record<symbol, Provider | undefined>)[PROVIDER];
  if (!provider) throw new Error("not a client made by createDb");
  return provider;
}

/** Whether the database answers a trivial query; the error message when it does not. */
export async function pingDb(db: Db): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return { ok: true };
  } catch (err) {
    // Prisma's messages often start with a blank line: the first line with words in it.
    const lines = err instanceof Error ? err.message.split("\n").map((l) => l.trim()) : [String(err)];
    return { ok: false, reason: lines.find(Boolean) ?? (err as Error).name };
  }
}
