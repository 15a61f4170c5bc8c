/** `npm run db:migrate`: applies every pending migration to DATABASE_URL (idempotent). */
import { loadConfig } from "../server/config";
import { migrate } from "../server/db/migrate";
import { providerOf } from "../server/db/provider";

const { DATABASE_URL } = loadConfig();
const applied = await migrate(DATABASE_URL);
console.log(
  applied.length
    ? `applied ${applied.length} migration(s) to ${providerOf(DATABASE_URL)}: ${applied.join(", ")}`
    : `${providerOf(DATABASE_URL)} database is up to date`,
);
