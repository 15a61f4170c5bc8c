/**
 * Generates the Prisma client of each provider (SQLite and PostgreSQL) from prisma/schema.prisma.
 * Runs on `npm install` (postinstall) and as `npm run db:generate`.
 *
 * `prisma generate` wants a native schema engine on disk even though it never runs it (generation
 * is WebAssembly); where Prisma's binary host is out of reach we point it at any executable.
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { createRequire } from "node:module";
import { PROVIDERS, schemaPath, schemaText, sourceSchemaPath } from "../server/db/schema-files";

const require = createRequire(import.meta.url);
const prismaCli = require.resolve("prisma/build/index.js");
const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath };
const source = fs.readFileSync(sourceSchemaPath, "utf8");

for (const provider of PROVIDERS) {
  const file = schemaPath(provider);
  if (provider !== "sqlite") fs.writeFileSync(file, schemaText(source, provider));
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", file], { env, stdio: ["ignore", "ignore", "inherit"] });
  console.log(`prisma client generated for ${provider}`);
}
