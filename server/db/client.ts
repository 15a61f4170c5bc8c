/**
 * The Prisma client for DATABASE_URL: SQLite through better-sqlite3 by default, PostgreSQL through
 * pg when the URL says so. The two generated clients come from one schema (see provider.ts), so the
 * domain code uses the SQLite client's types for both.
 *
 * The hot paths (a run's finish, loading a board) run a few statements of their own, prepared once
 * (server/db/sql.ts), on the same connection (SQLite) or pool (PostgreSQL) as Prisma: createDb keeps
 * a handle on them.
 */
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type Database from "better-sqlite3";
import pg from "pg";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "./generated/sqlite/client";
import { PrismaClient as PostgresClient } from "./generated/postgresql/client";
import { providerOf, sqliteFile, type Provider } from "./provider";

export type Db = SqliteClient;

/** Marks a client with its provider (a global symbol: Next.js bundles may load this module twice). */
const PROVIDER = Symbol.for("flickboard.db.provider");
/** The driver under the client: a getter of the better-sqlite3 connection, or the pg pool. */
const DRIVER = Symbol.for("flickboard.db.driver");

export type Driver = { kind: "sqlite"; connection(): Promise<Database.Database> } | { kind: "postgresql"; pool: pg.Pool };

/**
 * Interactive transactions may wait longer than Prisma's default 2 s to begin: in a burst (40 sign-ups
 * or finishes at once, as at the end of an event) they queue for the pool's connections while other
 * requests' logs are replayed on the same event loop, and failing them would answer 500s. Measured on
 * PostgreSQL by test/integration/crash.test.ts. Calls that need more (closes) say so themselves.
 */
const TRANSACTION_OPTIONS = { maxWait: 15_000, timeout: 15_000 };

/**
 * SQLite in write-ahead-log mode: a commit appends to the log and syncs it once (synchronous=FULL:
 * a commit acknowledged is on disk, power cut included), instead of the rollback journal's write,
 * sync, write, sync and delete; readers no longer wait for a writer. Measured on this machine's disk:
 * about 2 ms per commit instead of 13 (docs/database.md). The migration runner turns it back to
 * the rollback journal before the schema engine changes the file (migrate.ts).
 */
function useWal(connection: Database.Database) {
  try {
    connection.pragma("journal_mode = WAL");
  } catch {
    // Another connection is using the file in the rollback journal: this one follows its mode.
  }
  connection.pragma("synchronous = FULL");
}

export function createDb(databaseUrl: string): Db {
  const provider = providerOf(databaseUrl);
  let db: Db;
  let driver: Driver;
  if (provider === "sqlite") {
    fs.mkdirSync(path.dirname(sqliteFile(databaseUrl)), { recursive: true });
    // Prisma opens its one connection on first use; keep it (the adapter's `client`) when it does.
    const factory = new PrismaBetterSqlite3({ url: databaseUrl });
    const connect = factory.connect.bind(factory);
    let opened: Database.Database | undefined;
    factory.connect = async () => {
      const adapter = await connect();
      opened = (adapter as unknown as { client: Database.Database }).client;
      useWal(opened);
      return adapter;
    };
    db = new SqliteClient({ adapter: factory, transactionOptions: TRANSACTION_OPTIONS });
    driver = {
      kind: "sqlite",
      async connection() {
        if (!opened) await db.$connect();
        return opened!;
      },
    };
  } else {
    const pool = new pg.Pool({ connectionString: databaseUrl, allowExitOnIdle: true });
    // An idle connection the server dropped (a restart, a failover) is replaced on next use; without
    // a listener its error would end the process.
    pool.on("error", (err) => console.error(`postgresql: idle connection lost (${err.message})`));
    db = new PostgresClient({ adapter: new PrismaPg(pool), transactionOptions: TRANSACTION_OPTIONS }) as unknown as Db;
    // The pool is ours (Prisma's adapter does not end a pool it was given): disconnecting ends it.
    const disconnect = db.$disconnect.bind(db);
    let ended = false;
    db.$disconnect = async () => {
      await disconnect();
      if (!ended) {
        ended = true;
        await pool.end();
      }
    };
    driver = { kind: "postgresql", pool };
  }
  Object.defineProperty(db, PROVIDER, { value: provider });
  Object.defineProperty(db, DRIVER, { value: driver });
  return db;
}

/** The driver connection(s) under a client from createDb. */
export function dbDriver(db: Db): Driver {
  const driver = (db as unknown as Record<symbol, Driver | undefined>)[DRIVER];
  if (!driver) throw new Error("not a client made by createDb");
  return driver;
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
