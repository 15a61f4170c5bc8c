/**
 * Prisma's schema engine, compiled to WebAssembly, driven through a driver adapter.
 *
 * The stock `prisma migrate` commands need a native binary that Prisma downloads at install time;
 * this runs the same engine from the published wasm build instead, so migrations work offline.
 * It records applied migrations in `_prisma_migrations` exactly as `prisma migrate deploy` does.
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as glue from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { SchemaEngine } from "@prisma/schema-engine-wasm";
import { providerOf, sqliteFile } from "./provider";

export type { SchemaEngine };

let wasmReady: Promise<void> | undefined;

function initWasm(): Promise<void> {
  wasmReady ??= (async () => {
    const require = createRequire(import.meta.url);
    const wasmFile = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm")), "schema_engine_bg.wasm");
    const { instance } = await WebAssembly.instantiate(fs.readFileSync(wasmFile), {
      "./schema_engine_bg.js": glue as unknown as WebAssembly.ModuleImports,
    });
    const exports = instance.exports as WebAssembly.Exports & { __wbindgen_start?: () => void };
    (glue as unknown as { __wbg_set_wasm(e: unknown): void }).__wbg_set_wasm(exports);
    exports.__wbindgen_start?.();
  })();
  return wasmReady;
}

function adapterFactoryFor(databaseUrl: string) {
  if (providerOf(databaseUrl) === "sqlite") {
    fs.mkdirSync(path.dirname(sqliteFile(databaseUrl)), { recursive: true });
    return new PrismaBetterSqlite3({ url: databaseUrl });
  }
  return new PrismaPg({ connectionString: databaseUrl });
}

/**
 * Runs `use` with a schema engine on a database (the given schema file loaded), then frees the
 * engine and closes every connection it opened: a connection left open keeps SQLite locked.
 */
export async function withSchemaEngine<T>(
  databaseUrl: string,
  schema: { path: string; text: string },
  use: (engine: SchemaEngine) => Promise<T>,
): Promise<T> {
  await initWasm();
  const factory = adapterFactoryFor(databaseUrl);
  const opened: { dispose(): Promise<void> }[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  const Engine = (glue as unknown as { SchemaEngine: typeof SchemaEngine }).SchemaEngine;
  const engine = await Engine.new(
    { datamodels: [[schema.path, schema.text]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(factory as never) as never,
  );
  try {
    return await use(engine);
  } finally {
    engine.free();
    await Promise.all(opened.map((adapter) => adapter.dispose()));
  }
}
