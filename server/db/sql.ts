/**
 * Statements of our own for the hot paths (a run's finish, loading a board), where Prisma's query
 * building costs more than the query: written once in SQL both providers read, prepared once per
 * connection, and run on Prisma's own connection (SQLite) or pool (PostgreSQL), so they share its
 * transactions' rules.
 *
 * SQL is written with `?` placeholders and double-quoted identifiers; `{{C}}` marks where
 * PostgreSQL must compare text bytewise (COLLATE "C", as SQLite and JavaScript do). Rows come back
 * as plain objects: integers as numbers, booleans as booleans (SQLite's 0/1 are mapped by the
 * caller), timestamps as Date, JSON columns as parsed values.
 *
 * Timestamps: Prisma stores SQLite DateTime as ISO text ("2026-11-27T00:16:01.161+00:00"); our
 * writes use exactly that format (sqlTime) so text comparisons and ORDER BY stay chronological.
 */
import type Database from "better-sqlite3";
import pg from "pg";
import { dbDriver, type Db, type Driver } from "./client";

export interface Statement {
  /** A stable name (PostgreSQL prepares it under this name once per connection). */
  name: string;
  sqlite: string;
  postgres: string;
}

/** One statement in both dialects. */
export function statement(name: string, text: string): Statement {
  let n = 0;
  return {
    name,
    sqlite: text.replaceAll("{{C}}", ""),
    postgres: text.replaceAll("{{C}}", ' COLLATE "C"').replace(/\?/g, () => `$${++n}`),
  };
}

export type Row = Record<string, unknown>;

/** Runs statements: `all` answers rows, `rows` the same as arrays of column values (no object per row), `run` the number of rows changed. */
export interface Queries {
  all<T extends Row = Row>(s: Statement, params: readonly unknown[]): Promise<T[]>;
  rows(s: Statement, params: readonly unknown[]): Promise<unknown[][]>;
  run(s: Statement, params: readonly unknown[]): Promise<number>;
}

export interface Sql extends Queries {
  provider: Driver["kind"];
  /**
   * A transaction: on SQLite one of a group sharing a commit, inside Prisma's own (which serializes
   * it with Prisma's; see groupCommit below); on PostgreSQL its own, on one pooled client.
   */
  transaction<T>(work: (q: Queries) => Promise<T>): Promise<T>;
}

/** A timestamp as the database stores it: SQLite's ISO text (Prisma's format), PostgreSQL's UTC text. */
export function sqlTime(provider: Driver["kind"], at: Date): string {
  const iso = at.toISOString();
  return provider === "sqlite" ? iso.replace("Z", "+00:00") : iso.slice(0, -1);
}

/** A timestamp column read back: ISO text (SQLite) or a Date (PostgreSQL, parsed as UTC). */
export function readTime(value: unknown): Date {
  return value instanceof Date ? value : new Date(String(value));
}

/** A nullable timestamp column read back (readTime). */
export function readTimeOrNull(value: unknown): Date | null {
  return value === null || value === undefined ? null : readTime(value);
}

/** A JSON column read back: SQLite gives text, PostgreSQL the parsed value. */
export function readJson<T>(value: unknown): T | null {
  if (value === null || value === undefined) return null;
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}

// --- SQLite: one better-sqlite3 connection (Prisma's), statements cached on it -------------------

const sqliteStatements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

function prepared(conn: Database.Database, s: Statement): Database.Statement {
  let cache = sqliteStatements.get(conn);
  if (!cache) sqliteStatements.set(conn, (cache = new Map()));
  let stmt = cache.get(s.name);
  if (!stmt) {
    stmt = conn.prepare(s.sqlite);
    stmt.safeIntegers(false);
    cache.set(s.name, stmt);
  }
  return stmt;
}

function sqliteParam(value: unknown): unknown {
  if (value instanceof Date) return sqlTime("sqlite", value);
  if (typeof value === "boolean") return value ? 1 : 0;
  if (value !== null && typeof value === "object" && !(value instanceof Uint8Array)) return JSON.stringify(value);
  return value === undefined ? null : value;
}

function sqliteQueries(conn: Database.Database): Queries {
  return {
    async all<T extends Row>(s: Statement, params: readonly unknown[]) {
      return prepared(conn, s).raw(false).all(...params.map(sqliteParam)) as T[];
    },
    async rows(s: Statement, params: readonly unknown[]) {
      return prepared(conn, s).raw(true).all(...params.map(sqliteParam)) as unknown[][];
    },
    async run(s: Statement, params: readonly unknown[]) {
      return prepared(conn, s).run(...params.map(sqliteParam)).changes;
    },
  };
}

// --- PostgreSQL: the pool Prisma uses; named statements, prepared once per connection -------------

const TIMESTAMP_OID = 1114;
const INT8_OID = 20;
const pgTypes = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    // Prisma's columns are `timestamp(3)` (no zone) holding UTC; counts come back as int8.
    if (oid === TIMESTAMP_OID) return (text: string) => new Date(`${text.replace(" ", "T")}Z`);
    if (oid === INT8_OID) return (text: string) => Number(text);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

function pgParam(value: unknown): unknown {
  if (value instanceof Date) return sqlTime("postgresql", value);
  if (value !== null && typeof value === "object" && !(value instanceof Uint8Array) && !Array.isArray(value)) return JSON.stringify(value);
  return value === undefined ? null : value;
}

function pgQueries(client: pg.Pool | pg.PoolClient): Queries {
  const config = (s: Statement, params: readonly unknown[]) => ({ name: s.name, text: s.postgres, values: params.map(pgParam), types: pgTypes });
  const query = (s: Statement, params: readonly unknown[]) => client.query(config(s, params));
  return {
    async all<T extends Row>(s: Statement, params: readonly unknown[]) {
      return (await query(s, params)).rows as T[];
    },
    async rows(s: Statement, params: readonly unknown[]) {
      return (await client.query({ ...config(s, params), rowMode: "array" })).rows;
    },
    async run(s: Statement, params: readonly unknown[]) {
      return (await query(s, params)).rowCount ?? 0;
    },
  };
}

// --- SQLite: group commit ---------------------------------------------------------------------------
//
// A commit syncs the write-ahead log to disk (synchronous=FULL: an acknowledged write survives a power
// cut), and better-sqlite3 does it on the event loop: one sync per finish was ~40 % of the main
// thread under load. So the transactions that become ready in the same turn of the event loop (or
// while a batch runs) share one: each work runs inside its own SAVEPOINT (its error rolls back only
// its own writes and reaches only its own caller), then ONE commit, and only then does any caller
// hear back, so nothing is acknowledged before it is on disk. If the commit fails, every work of the
// batch fails with its error (each caller's withRetries decides, as for a transaction of its own).
// A batch is one Prisma interactive transaction, so Prisma's own transactions wait for it as before.

/** Most works one commit carries: a batch holds the writer while all its works run. */
export const GROUP_COMMIT_LIMIT = 32;

interface Queued {
  work: (q: Queries) => Promise<unknown>;
  resolve(value: unknown): void;
  reject(err: unknown): void;
}

/** A statement's error that ends the whole batch: another writer holds the lock (or changed the snapshot); every work would fail on it. */
function endsBatch(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return typeof code === "string" && code.startsWith("SQLITE_BUSY");
}

const savepoint = statement("group_savepoint", "SAVEPOINT work");
const release = statement("group_release", "RELEASE work");
const rollbackTo = statement("group_rollback_to", "ROLLBACK TO work");
const commit = statement("group_commit", "COMMIT");
const rollback = statement("group_rollback", "ROLLBACK");
const begin = statement("group_begin", "BEGIN");

function groupCommit(db: Db, conn: Database.Database, queries: Queries): Sql["transaction"] {
  const queue: Queued[] = [];
  let scheduled = false;
  const exec = (s: Statement) => prepared(conn, s).run();

  async function runBatch(batch: Queued[]) {
    const wrote = new Map<Queued, unknown>(); // works done, answered once the commit returns
    const failed = new Set<Queued>(); // works that failed on their own, already answered
    let committed = false;
    try {
      await db.$transaction(async () => {
        try {
          for (const item of batch) {
            exec(savepoint);
            let value: unknown;
            try {
              value = await item.work(queries);
            } catch (err) {
              // A statement error can end the transaction itself (SQLite rolls back on some I/O
              // errors), taking the works before this one with it: then the batch fails.
              if (!conn.inTransaction || endsBatch(err)) throw err;
              exec(rollbackTo);
              exec(release);
              failed.add(item);
              item.reject(err);
              continue;
            }
            exec(release);
            wrote.set(item, value);
          }
          // The commit is ours, not Prisma's: Prisma's adapter leaves the transaction of a failed
          // COMMIT open on the connection. It is rolled back here, and Prisma ends an empty one.
          try {
            exec(commit);
            committed = true;
          } catch (err) {
            if (conn.inTransaction) exec(rollback);
            throw err;
          }
        } finally {
          if (!conn.inTransaction) exec(begin);
        }
      });
    } catch (err) {
      // Not committed: nothing of the batch is stored. (Committed, the works are on disk whatever
      // Prisma says when it ends the empty transaction after, and are answered as stored.)
      if (!committed) {
        for (const item of batch) if (!failed.has(item)) item.reject(err);
        return;
      }
    }
    for (const [item, value] of wrote) item.resolve(value);
  }

  function drain() {
    const batch = queue.splice(0, GROUP_COMMIT_LIMIT);
    void runBatch(batch).finally(() => {
      if (queue.length) setImmediate(drain);
      else scheduled = false;
    });
  }

  return (work) =>
    new Promise((resolve, reject) => {
      queue.push({ work, resolve: resolve as (value: unknown) => void, reject });
      // Starts after this turn's I/O callbacks: the finishes that became ready together commit together.
      if (!scheduled) {
        scheduled = true;
        setImmediate(drain);
      }
    });
}

/** One statement runner per SQLite connection, so its transactions share one queue. */
const sqliteRunners = new WeakMap<Database.Database, Sql>();

/** The statement runner over a client made by createDb. */
export async function sqlOf(db: Db): Promise<Sql> {
  const driver = dbDriver(db);
  if (driver.kind === "sqlite") {
    const conn = await driver.connection();
    let sql = sqliteRunners.get(conn);
    if (!sql) {
      const queries = sqliteQueries(conn);
      sql = { provider: "sqlite", ...queries, transaction: groupCommit(db, conn, queries) as Sql["transaction"] };
      sqliteRunners.set(conn, sql);
    }
    return sql;
  }
  const pool = driver.pool;
  return {
    provider: "postgresql",
    ...pgQueries(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const result = await work(pgQueries(client));
        await client.query("COMMIT");
        return result;
      } catch (err) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw err;
      } finally {
        client.release();
      }
    },
  };
}
