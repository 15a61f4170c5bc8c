/** `npm run db:seed`: base data, plus demo players on an empty database (SEED_DEMO=false skips them). */
import { loadConfig } from "../server/config";
import { createDb } from "../server/db/client";
import { seedBaseData, seedDemo } from "../prisma/seed";

const config = loadConfig();
const db = createDb(config.DATABASE_URL);
await seedBaseData(db);
const created = config.SEED_DEMO ? await seedDemo(db) : 0;
console.log(`base data in place; ${created} demo players created`);
await db.$disconnect();
