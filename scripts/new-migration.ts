/**
 * `npm run db:migration:new -- <name>`: writes the next migration for every provider from the
 * difference between the last migration's schema snapshot and prisma/schema.prisma.
 * PostgreSQL's diff needs a server: PG_URL if set, else a throwaway local one (as the tests start).
 */
import { createMigration } from "../server/db/migrate";
import { createDatabase, startPostgres } from "../test/support/postgres";

const name = process.argv[2];
if (!name) {
  console.error("usage: npm run db:migration:new -- <name>   (lower-case letters, digits and _)");
  process.exit(2);
}
const now = new Date();
const report = (provider: string, folder: string | null) =>
  console.log(folder ? `${provider}: wrote ${folder}` : `${provider}: schema unchanged, no migration`);

report("sqlite", await createMigration("sqlite", name, "file::memory:", now));
const local = process.env.PG_URL ? null : await startPostgres();
try {
  const url = await createDatabase(process.env.PG_URL ?? local!.url, `scratch_${Date.now()}`);
  report("postgresql", await createMigration("postgresql", name, url, now));
} finally {
  local?.stop();
}
