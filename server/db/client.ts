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
import { providerOf, sqliteFile } from "./provider";

export type Db = SqliteClient;

export function createDb(databaseUrl: string): Db {
  if (providerOf(databaseUrl) === "sqlite") {
    fs.mkdirSync(path.dirname(sqliteFile(databaseUrl)), { recursive: true });
    return new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: databaseUrl }) });
  }
  return new PostgresClient({ adapter: new PrismaPg({ connectionString: databaseUrl }) }) as unknown as Db;
}

/** Whether the database answers a trivial query; the error message when it does not. */
export async function pingDb(db: Db): Promise<{ ok: true } | { ok: false; reason: string }> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return { ok: true };
  } catch (err) {
    return { ok: false, reason: err instanceof Error ? err.message.split("\n")[0] : String(err) };
  }
}
