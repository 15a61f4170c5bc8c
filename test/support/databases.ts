/**
 * Fresh databases of each provider for tests that must hold on both: SQLite files in temp folders,
 * and PostgreSQL databases on PG_URL's server if set, else on a throwaway local server.
 */
import crypto from "node:crypto";
import { createDatabase, startPostgres, postgresBinDir, type LocalPostgres } from "./postgres";
import { tempSqliteUrl } from "./server";

export const postgresAvailable = Boolean(process.env.PG_URL || postgresBinDir());

export interface DatabaseFactory {
  provider: "sqlite" | "postgresql";
  /** The URL of a new, empty database. */
  fresh(): Promise<string>;
  close(): void;
}

export function sqliteDatabases(): DatabaseFactory {
  return { provider: "sqlite", fresh: async () => tempSqliteUrl(), close() {} };
}

export function postgresDatabases(): DatabaseFactory {
  let local: Promise<LocalPostgres> | undefined;
  return {
    provider: "postgresql",
    async fresh() {
      const name = `t_${crypto.randomBytes(6).toString("hex")}`;
      if (process.env.PG_URL) return createDatabase(process.env.PG_URL, name);
      local ??= startPostgres();
      return createDatabase((await local).url, name);
    },
    close() {
      void local?.then((pgServer) => pgServer.stop());
    },
  };
}
