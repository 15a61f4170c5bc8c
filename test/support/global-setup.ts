import fs from "node:fs";
import { ensureBuild } from "../../server/build";
import { createDb } from "../../server/db/client";
import { migrate } from "../../server/db/migrate";
import { sqliteFile } from "../../server/db/provider";
import { seedBaseData } from "../../prisma/seed";
import { SQLITE_TEMPLATE_ENV, tempSqliteUrl } from "./server";

/**
 * One production build for every test that starts the real server, and one SQLite database migrated
 * and seeded as the server would leave it, which each such test's database starts as a copy of
 * (seededSqliteUrl): the test workers inherit its path through the environment.
 */
export default async function setup() {
  ensureBuild(process.cwd(), (m) => console.log(`[global-setup] ${m}`));
  // Every project that runs against the server names this setup, and vitest runs them in one
  // process: the template is made once (two Prisma clients made at once there panic).
  const made = globalThis as { flickboardTemplate?: Promise<string> };
  process.env[SQLITE_TEMPLATE_ENV] = await (made.flickboardTemplate ??= makeTemplate());
}

async function makeTemplate(): Promise<string> {
  const url = tempSqliteUrl();
  await migrate(url);
  const db = createDb(url);
  try {
    await seedBaseData(db);
  } finally {
    await db.$disconnect();
  }
  const file = sqliteFile(url);
  // Copies take the file alone: everything must be in it, none left in a write-ahead log.
  if (fs.existsSync(`${file}-wal`)) throw new Error(`${file}-wal is still there after the template's connection closed`);
  return file;
}
