/** Where the schema and the migrations of each provider live (tooling only: migrations, generation). */
import path from "node:path";
import type { Provider } from "./provider";

export const PROVIDERS: readonly Provider[] = ["sqlite", "postgresql"];

export const projectRoot = path.resolve(import.meta.dirname, "..", "..");
export const sourceSchemaPath = path.join(projectRoot, "prisma", "schema.prisma");

/** The schema file of a provider: the source for SQLite, its derived twin for PostgreSQL. */
export function schemaPath(provider: Provider): string {
  return provider === "sqlite" ? sourceSchemaPath : path.join(projectRoot, "prisma", "schema.postgresql.prisma");
}

export function migrationsDir(provider: Provider): string {
  return path.join(projectRoot, "prisma", "migrations", provider);
}

/**
 * The schema text for a provider. The source is written for SQLite; the PostgreSQL twin differs only
 * in its provider and in where its client is generated.
 */
export function schemaText(source: string, provider: Provider): string {
  if (provider === "sqlite") return source;
  const derived = source
    .replace(/provider\s*=\s*"sqlite"/, 'provider = "postgresql"')
    .replace('output       = "../server/db/generated/sqlite"', 'output       = "../server/db/generated/postgresql"');
  if (derived === source || !derived.includes("generated/postgresql")) {
    throw new Error("prisma/schema.prisma no longer has the sqlite provider/output lines the PostgreSQL twin is derived from");
  }
  return "// GENERATED from prisma/schema.prisma by scripts/prisma-generate.ts: do not edit.\n" + derived;
}
