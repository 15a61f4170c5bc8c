/**
 * Every row of every table of a SQLite database (found from the schema, so a table added later is
 * included), and what changed between two snapshots: rows added, changed or removed, by primary key.
 */
import type { Db } from "../../server/db/client";

export type Row = Record<string, unknown>;
/** Table name -> primary key -> the row as canonical JSON. */
export type Snapshot = Map<string, Map<string, string>>;

export interface TableChanges {
  table: string;
  added: Row[];
  changed: { before: Row; after: Row }[];
  removed: Row[];
}

/** JSON with bigints as strings and bytes as hex, so rows compare as text. */
const canonical = (row: Row) =>
  JSON.stringify(row, (_key, value: unknown) =>
    typeof value === "bigint" ? value.toString() : value instanceof Uint8Array ? Buffer.from(value).toString("hex") : value,
  );

export async function snapshotTables(db: Db): Promise<Snapshot> {
  const tables = await db.$queryRawUnsafe<{ name: string }[]>(
    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_prisma_%' ORDER BY name",
  );
  const snapshot: Snapshot = new Map();
  for (const { name } of tables) {
    const keyColumns = (await db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM pragma_table_info('${name}') WHERE pk > 0 ORDER BY pk`)).map((c) => c.name);
    const rows = await db.$queryRawUnsafe<Row[]>(`SELECT * FROM "${name}"`);
    snapshot.set(name, new Map(rows.map((row) => [canonical(keyColumns.map((c) => row[c]) as unknown as Row), canonical(row)])));
  }
  return snapshot;
}

/** The tables that differ between two snapshots, with their rows parsed back from JSON. */
export function tableChanges(before: Snapshot, after: Snapshot): TableChanges[] {
  const out: TableChanges[] = [];
  for (const table of new Set([...before.keys(), ...after.keys()])) {
    const was = before.get(table) ?? new Map<string, string>();
    const now = after.get(table) ?? new Map<string, string>();
    const changes: TableChanges = { table, added: [], changed: [], removed: [] };
    for (const [key, row] of now) {
      const old = was.get(key);
      if (old === undefined) changes.added.push(JSON.parse(row));
      else if (old !== row) changes.changed.push({ before: JSON.parse(old), after: JSON.parse(row) });
    }
    for (const [key, row] of was) if (!now.has(key)) changes.removed.push(JSON.parse(row));
    if (changes.added.length || changes.changed.length || changes.removed.length) out.push(changes);
  }
  return out;
}
