/**
 * The migration runner: applies every pending migration of the database's provider, in order,
 * and records each in `_prisma_migrations` (idempotent: a second run applies nothing).
 *
 * Layout (Prisma's own, one folder per provider):
 *   prisma/migrations/<provider>/migration_lock.toml
 *   prisma/migrations/<provider>/<14-digit timestamp>_<name>/migration.sql
 *   prisma/migrations/<provider>/schema.snapshot.prisma   the schema as of the last migration
 */
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { withSchemaEngine } from "./schema-engine";
import { providerOf, sqliteFile, type Provider } from "./provider";
import { migrationsDir, schemaPath, schemaText, sourceSchemaPath } from "./schema-files";

const MIGRATION_NAME = /^\d{14}_[a-z0-9_]+$/;
const noFilters = { externalTables: [], externalEnums: [] };

export function listMigrations(provider: Provider): string[] {
  const dir = migrationsDir(provider);
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && MIGRATION_NAME.test(d.name))
    .map((d) => d.name)
    .sort();
}

function migrationsList(provider: Provider) {
  const baseDir = migrationsDir(provider);
  const lockPath = path.join(baseDir, "migration_lock.toml");
  return {
    baseDir,
    lockfile: { path: lockPath, content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: listMigrations(provider).map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: fs.readFileSync(path.join(baseDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

export function currentSchema(provider: Provider) {
  return { path: schemaPath(provider), text: schemaText(fs.readFileSync(sourceSchemaPath, "utf8"), provider) };
}

/**
 * Whether a SQLite file already has every migration applied, read straight from
 * `_prisma_migrations`. The schema engine is then not started at all: it cannot open a database in
 * WAL mode that another process has open (a restart while a test or a CLI holds the file), and a
 * restart with nothing to apply is the common case.
 */
function sqliteUpToDate(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'`).get();
    if (!table) return false;
    const applied = new Set(
      db
        .prepare(`SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`)
        .all()
        .map((r) => (r as { name: string }).name),
    );
    return listMigrations("sqlite").every((name) => applied.has(name));
  } finally {
    db.close();
  }
}

/**
 * Before the schema engine changes a SQLite file: back to the rollback journal (the engine cannot
 * migrate a WAL file another process has open), its WAL checkpointed into the file first. That
 * needs the file to itself: while a server or a CLI has it open, this says so instead of letting
 * the engine time out.
 */
function leaveWal(file: string) {
  if (!fs.existsSync(file)) return;
  const db = new Database(file, { fileMustExist: true, timeout: 5000 });
  try {
    if (db.pragma("journal_mode", { simple: true }) !== "wal") return;
    let mode: unknown = "wal";
    try {
      db.pragma("wal_checkpoint(TRUNCATE)");
      mode = db.pragma("journal_mode = DELETE", { simple: true });
    } catch {
      // SQLITE_BUSY: another connection has the file open.
    }
    if (mode !== "delete") {
      throw new Error(`${file} has migrations to apply but another process has it open: stop the server and any CLI using it, then migrate again.`);
    }
  } finally {
    db.close();
  }
}

/** Applies pending migrations; returns the names of those it applied (empty when up to date). */
export async function migrate(databaseUrl: string): Promise<string[]> {
  const provider = providerOf(databaseUrl);
  if (provider === "sqlite") {
    if (sqliteUpToDate(sqliteFile(databaseUrl))) return [];
    leaveWal(sqliteFile(databaseUrl));
  }
  return withSchemaEngine(databaseUrl, currentSchema(provider), async (engine) => {
    const out = await engine.applyMigrations({ migrationsList: migrationsList(provider), filters: noFilters });
    return out.appliedMigrationNames;
  });
}

/**
 * The SQL that takes a database from the last migration's schema to the current schema, computed by
 * the schema engine. SQLite diffs in memory; PostgreSQL needs a reachable scratch database (the
 * engine connects, though it does not change it). Empty when nothing changed.
 */
export async function pendingMigrationSql(provider: Provider, scratchUrl: string): Promise<string> {
  const snapshotPath = path.join(migrationsDir(provider), "schema.snapshot.prisma");
  const current = currentSchema(provider);
  const from = fs.existsSync(snapshotPath)
    ? { tag: "schemaDatamodel" as const, files: [{ path: snapshotPath, content: fs.readFileSync(snapshotPath, "utf8") }] }
    : { tag: "empty" as const };
  return withSchemaEngine(scratchUrl, current, async (engine) => {
    const out = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: current.path, content: current.text }] },
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters: noFilters,
    } as never);
    const sql = (out as { stdout: string | null }).stdout ?? "";
    // An empty diff is only comments ("-- This is an empty migration.").
    return sql.replace(/^--.*$/gm, "").trim() === "" ? "" : sql;
  });
}

/** Writes the next migration of a provider and moves its snapshot forward. Returns its folder, or null. */
export async function createMigration(
  provider: Provider,
  name: string,
  scratchUrl: string,
  now = new Date(),
): Promise<string | null> {
  if (!/^[a-z0-9_]+$/.test(name)) throw new Error("migration name: lower-case letters, digits and _ only");
  const sql = await pendingMigrationSql(provider, scratchUrl);
  if (!sql) return null;
  const dir = migrationsDir(provider);
  fs.mkdirSync(dir, { recursive: true });
  const last = listMigrations(provider).at(-1)?.slice(0, 14) ?? "";
  let stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  if (stamp <= last) stamp = String(BigInt(last) + 1n); // keep the order strictly increasing
  const folder = path.join(dir, `${stamp}_${name}`);
  fs.mkdirSync(folder);
  fs.writeFileSync(path.join(folder, "migration.sql"), sql);
  fs.writeFileSync(
    path.join(dir, "migration_lock.toml"),
    `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${provider}"\n`,
  );
  fs.writeFileSync(path.join(dir, "schema.snapshot.prisma"), currentSchema(provider).text);
  return folder;
}
