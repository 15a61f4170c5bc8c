/** For tests that read or set up a test server's database directly: a client for one piece of work. */
import { createDb, type Db } from "../../server/db/client";

export async function withDb<T>(databaseUrl: string, work: (db: Db) => Promise<T>): Promise<T> {
  const db = createDb(databaseUrl);
  try {
    return await work(db);
  } finally {
    await db.$disconnect();
  }
}
