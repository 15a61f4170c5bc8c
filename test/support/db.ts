/** For tests that read or set up a database directly: a client for one piece of work, or a new seeded database. */
import { seedBaseData } from "../../prisma/seed";
import { createDb, type Db } from "../../server/db/client";
import { migrate } from "../../server/db/migrate";

/** The database at `url` migrated and seeded with the base data (challenge, scenarios), and a client on it. */
export async function seededDb(url: string): Promise<Db> {
  await migrate(url);
  const db = createDb(url);
  await seedBaseData(db);
  return db;
}

export async function withDb<T>(databaseUrl: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(databaseUrl);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}
